/** Contact details as links. */

/** `tel:` URI for a number as printed, e.g. "+813-5334-4899" → "tel:+81353344899". */
export function telHref(number: string): string {
  const trimmed = number.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/** Full name as printed on a contact block: "Mr. Mahendra Negi". */
export function displayName(contact: { honorific?: string | undefined; name: string }): string {
  return contact.honorific ? `${contact.honorific} ${contact.name}` : contact.name;
}
