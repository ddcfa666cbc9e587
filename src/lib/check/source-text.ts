/**
 * Reads a content file's bytes as an author's text editor would show them, and says where it
 * cannot: the build reads every file as UTF-8, so a file saved as Shift_JIS or Windows-1252 would
 * publish as mojibake instead of failing.
 */

export type SourceText = { text: string } | { line: number; message: string };

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const first = bytes[i]!;
  if (first < 0x80) return 1;
  const [length, min, max] =
    first >= 0xc2 && first <= 0xdf
      ? [2, 0x80, 0xbf]
      : first === 0xe0
        ? [3, 0xa0, 0xbf]
        : first === 0xed
          ? [3, 0x80, 0x9f] // no UTF-16 surrogates
          : first >= 0xe1 && first <= 0xef
            ? [3, 0x80, 0xbf]
            : first === 0xf0
              ? [4, 0x90, 0xbf]
              : first >= 0xf1 && first <= 0xf3
                ? [4, 0x80, 0xbf]
                : first === 0xf4
                  ? [4, 0x80, 0x8f]
                  : [0, 0, 0];
  if (!length || i + length > bytes.length) return 0;
  if (bytes[i + 1]! < min || bytes[i + 1]! > max) return 0;
  for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return length;
}

/** Offset of the first byte that is not valid UTF-8, or -1 when the whole file is. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes, i);
    if (!length) return i;
    i += length;
  }
  return -1;
}

export function decodeSource(bytes: Uint8Array): SourceText {
  const bad = firstInvalidUtf8(bytes);
  if (bad === -1) return { text: new TextDecoder('utf-8').decode(bytes) };
  let line = 1;
  for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
  const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    line,
    message: `expected UTF-8 text, found the byte 0x${byte}, which is not UTF-8 (save the file as UTF-8)`,
  };
}
