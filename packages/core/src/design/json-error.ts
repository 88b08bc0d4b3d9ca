/**
 * Where malformed JSON goes wrong, as a sentence with a line and column. `JSON.parse`
 * messages differ between engines and often carry no position, so the text is scanned
 * here with a small JSON grammar that only looks for the first error.
 */

class Scanner {
  index = 0;
  constructor(private readonly text: string) {}

  fail(expected: string): never {
    throw new JsonSyntax(this.index, expected);
  }

  space(): void {
    while (/[ \t\n\r]/.test(this.text[this.index] ?? '')) this.index++;
  }

  value(): void {
    this.space();
    const char = this.text[this.index];
    if (char === '{') this.object();
    else if (char === '[') this.array();
    else if (char === '"') this.string();
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) this.number();
    else this.word();
  }

  word(): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.index)) {
        this.index += word.length;
        return;
      }
    }
    this.fail('a value');
  }

  object(): void {
    this.index++;
    this.space();
    if (this.text[this.index] === '}') {
      this.index++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.index] !== '"') this.fail('a property name in double quotes');
      this.string();
      this.space();
      if (this.text[this.index] !== ':') this.fail('":"');
      this.index++;
      this.value();
      this.space();
      const char = this.text[this.index];
      this.index++;
      if (char === '}') return;
      if (char !== ',') {
        this.index--;
        this.fail('"," or "}"');
      }
    }
  }

  array(): void {
    this.index++;
    this.space();
    if (this.text[this.index] === ']') {
      this.index++;
      return;
    }
    for (;;) {
      this.value();
      this.space();
      const char = this.text[this.index];
      this.index++;
      if (char === ']') return;
      if (char !== ',') {
        this.index--;
        this.fail('"," or "]"');
      }
    }
  }

  string(): void {
    this.index++;
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined || char === '\n') this.fail('the end of the string');
      this.index++;
      if (char === '"') return;
      if (char === '\\') this.index++;
    }
  }

  number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.index));
    if (!match) this.fail('a number');
    this.index += match[0].length;
  }
}

class JsonSyntax {
  constructor(
    readonly index: number,
    readonly expected: string,
  ) {}
}

/** The sentence for JSON that does not parse, e.g. `... at line 3, column 11: expected a value, found "s".` */
export function describeJsonError(text: string, what = 'design.json'): string {
  const scanner = new Scanner(text);
  let index = text.length;
  let expected = 'valid JSON';
  try {
    scanner.value();
    scanner.space();
    if (scanner.index < text.length) scanner.fail('the end of the text');
  } catch (error) {
    if (!(error instanceof JsonSyntax)) throw error;
    index = error.index;
    expected = error.expected;
  }
  const before = text.slice(0, index).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  const found = index >= text.length ? 'the end of the text' : JSON.stringify(text[index]);
  return `${what} is not valid JSON at line ${line}, column ${column}: expected ${expected}, found ${found}.`;
}
