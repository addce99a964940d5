/**
 * A preview is the public site's own page, so it has none of the studio's links: this puts a bar
 * at its top saying it is a preview, with the way back to the appeal (to approve, edit or publish it).
 */
export function withBackToStudio(html: string, id: string): string {
  const bar =
    `<nav aria-label="Studio preview"><p><strong>Preview: this is not live.</strong> ` +
    `<a href="/appeals/${id}/">Back to appeal ${id} in the studio, to approve, edit or publish it</a></p></nav>`;
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return html;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}${bar}${html.slice(at)}`;
}
