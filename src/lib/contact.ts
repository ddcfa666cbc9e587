/** Contact details as links. */

/** `tel:` URI for a number as printed, e.g. "+813-5334-4899" → "tel:+81353344899". */
export function telHref(number: string): string {
  const trimmed = number.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/**
 * A label and the value after it, as the label's language writes them: "Phone: +81…", with a space,
 * but "電話：+81…", as full-width punctuation carries its own space.
 */
export function labelGap(label: string): string {
  return /[\u3000-\u303f\uff00-\uffef]$/u.test(label) ? '' : ' ';
}

/** Full name as printed on a contact block: "Mr. Mahendra Negi". */
export function displayName(contact: { honorific?: string | undefined; name: string }): string {
  return contact.honorific ? `${contact.honorific} ${contact.name}` : contact.name;
}
