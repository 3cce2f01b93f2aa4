// TwiML written here rather than with twilio's VoiceResponse/MessagingResponse: their XML builder
// (xmlbuilder) adds ~58 KB and a few milliseconds of cold start to each Lambda for a handful of
// elements. Tests compare the output with twilio's builders byte for byte, on any text.

/** An attribute value as TwiML takes it: lists are written space-separated (input="dtmf speech"). */
export type TwimlValue = string | number | boolean | readonly string[];

/** One TwiML element: its attributes in the order written, and text or child elements. */
export interface TwimlNode {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, TwimlValue | undefined>>;
  readonly text?: string;
  readonly children?: readonly TwimlNode[];
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
// XML 1.0 forbids these (control characters, lone surrogates, U+FFFE/U+FFFF), as twilio's builder does.
const ILLEGAL_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly the characters XML 1.0 forbids
  /[\0-\x08\x0B\f\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

// Checked after escaping, as the builder does (its error quotes the escaped text).
function legal(escaped: string): string {
  const illegal = ILLEGAL_XML.exec(escaped);
  if (illegal) throw new Error(`Invalid character in string: ${escaped} at index ${illegal.index}`);
  return escaped;
}

function escapeText(text: string): string {
  return legal(
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;'),
  );
}

function escapeAttribute(value: string): string {
  return legal(
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/"/g, '&quot;')
      .replace(/\t/g, '&#x9;')
      .replace(/\n/g, '&#xA;')
      .replace(/\r/g, '&#xD;'),
  );
}

function element(node: TwimlNode): string {
  let open = `<${node.name}`;
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    open += ` ${name}="${escapeAttribute(text)}"`;
  }
  const inner =
    (node.text !== undefined ? escapeText(node.text) : '') + (node.children ?? []).map(element).join('');
  return inner === '' ? `${open}/>` : `${open}>${inner}</${node.name}>`;
}

/** The TwiML document for a <Response> holding `children` (an empty response when there are none). */
export function twimlResponse(children: readonly TwimlNode[]): string {
  return `${DECLARATION}${element({ name: 'Response', children })}`;
}
