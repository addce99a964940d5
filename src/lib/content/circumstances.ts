import { markdownToMdast, type MdastNode } from 'satteri';
import { hiddenCharacter, hiddenCharacterMessage } from '../model/typed-text.ts';

/**
 * Checks on the Markdown body (the circumstances), parsed by the same Markdown parser Astro renders
 * it with (satteri, GitHub-flavoured), so what is checked is what is published. Only plain text,
 * emphasis, lists and links to https:, mailto: and tel: addresses are allowed: HTML could carry
 * scripts or styles, a comment would publish a private note in the page source, an image would load
 * a file from another site or bypass the photo pipeline, and a javascript: or data: link runs code.
 */

/** Link schemes a member of the public can safely follow: a web page, an email, a phone call. */
export const ALLOWED_LINK_SCHEMES = ['https:', 'mailto:', 'tel:'] as const;

/** A few paragraphs: the circumstances are read on a phone, and printed on one A4 poster. */
export const MAX_CIRCUMSTANCES_LENGTH = 5000;

const ALLOWED_NODES = new Set([
  'root',
  'paragraph',
  'text',
  'emphasis',
  'strong',
  'list',
  'listItem',
  'break',
  'link',
]);

const PLAIN = 'expected plain Markdown text';

/** What to say about a kind of Markdown that is not allowed; one message per kind. */
function refusal(node: MdastNode): string {
  const value = 'value' in node && typeof node.value === 'string' ? node.value : '';
  switch (node.type) {
    case 'html':
      return value.trimStart().startsWith('<!--')
        ? `${PLAIN}; an HTML comment (<!-- … -->) is not allowed: it would be published in the page source, where anyone can read it`
        : `${PLAIN}; HTML tags are not allowed`;
    case 'image':
    case 'imageReference':
      return `${PLAIN}; images belong in the photos field, not the text`;
    case 'linkReference':
    case 'definition':
      return `${PLAIN}; write links as [text](https://…), not as reference-style links ([text][name])`;
    case 'heading':
      return `${PLAIN}; headings (lines starting with #) are not allowed: the page has its own`;
    case 'code':
    case 'inlineCode':
      return `${PLAIN}; code is not allowed (text between backticks, or lines indented by 4 spaces: remove the indent)`;
    case 'blockquote':
      return `${PLAIN}; quotes (lines starting with >) are not allowed`;
    case 'thematicBreak':
      return `${PLAIN}; horizontal lines (---, ***) are not allowed`;
    case 'table':
    case 'tableRow':
    case 'tableCell':
      return `${PLAIN}; tables are not allowed`;
    case 'footnoteDefinition':
    case 'footnoteReference':
      return `${PLAIN}; footnotes are not allowed`;
    case 'delete':
      return `${PLAIN}; strikethrough (~~text~~) is not allowed`;
    default:
      return `${PLAIN}; only paragraphs, *emphasis*, **bold**, lists and links are allowed (found ${node.type})`;
  }
}

function linkProblem(url: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url.trim())?.[1]?.toLowerCase();
  if (scheme && (ALLOWED_LINK_SCHEMES as readonly string[]).includes(scheme)) return undefined;
  const shown = JSON.stringify(url.length > 60 ? `${url.slice(0, 57)}...` : url);
  if (scheme === 'http:')
    return `expected links to https:, mailto: or tel: addresses, got ${shown}; write the address with https://`;
  return `expected links to https:, mailto: or tel: addresses, like [Missing People](https://www.missingpeople.org.uk), got ${shown}`;
}

/**
 * Every problem with the circumstances, each once with the line it is first on. `firstLine` is the
 * line of the file where the body starts, so the line numbers match the author's editor.
 */
export function circumstancesProblems(body: string, firstLine = 1): string[] {
  if (body.trim() === '')
    return ['expected a paragraph below the frontmatter describing the circumstances, but it is empty'];
  if (body.length > MAX_CIRCUMSTANCES_LENGTH) {
    return [
      `expected at most ${MAX_CIRCUMSTANCES_LENGTH.toLocaleString('en-GB')} characters, got ${body.length.toLocaleString('en-GB')}; the public reads a few paragraphs, not a report`,
    ];
  }
  const found = new Map<string, number>();
  // Hidden characters, typed or as references (&shy;): the page would show a name they split,
  // which no search for the name finds (issue 20). Carriage returns are a Windows line end.
  const hidden = hiddenCharacter(body.replace(/\r/g, ''));
  if (hidden) {
    const line = body.replace(/\r/g, '').slice(0, hidden.index).split('\n').length + firstLine - 1;
    found.set(hiddenCharacterMessage(hidden), line);
  }
  const add = (message: string, node: MdastNode) => {
    if (!found.has(message)) found.set(message, (node.position?.start.line ?? 1) + firstLine - 1);
  };
  const visit = (node: MdastNode) => {
    if (!ALLOWED_NODES.has(node.type)) add(refusal(node), node);
    if (node.type === 'link' || node.type === 'definition') {
      const problem = linkProblem((node as { url?: string }).url ?? '');
      if (problem) add(problem, node);
    }
    for (const child of 'children' in node ? (node.children as MdastNode[]) : []) visit(child);
  };
  visit(markdownToMdast(body, { features: { gfm: true, frontmatter: false } }));
  return [...found].map(([message, line]) => `${message} (line ${line})`);
}
