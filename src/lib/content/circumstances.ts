/**
 * Checks on the Markdown body (the circumstances). Raw HTML and Markdown images are refused:
 * HTML could carry scripts or styles that break the CSP, and a Markdown image would bypass the
 * photo pipeline and publish an original file.
 */
export function circumstancesProblems(body: string): string[] {
  const problems: string[] = [];
  if (body.trim() === '') problems.push('expected a paragraph below the frontmatter describing the circumstances, but it is empty');
  if (/<\/?[a-zA-Z][^>]*>/.test(body)) problems.push('expected plain Markdown text; HTML tags are not allowed');
  if (/!\[[^\]]*\]\(/.test(body)) problems.push('expected plain Markdown text; images belong in the photos field, not the text');
  return problems;
}
