/** `tel:` links need digits only: "116 000" dials as tel:116000. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** `sms:` links, like `tel:`, take digits only. */
export function smsHref(number: string): string {
  return `sms:${number.replace(/[^\d+]/g, '')}`;
}
