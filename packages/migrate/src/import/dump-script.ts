/**
 * A SQL file as psql would run it: psql meta-commands (`\connect`, and the `\restrict` /
 * `\unrestrict` lines current pg_dump writes) are psql's own, not SQL, so they are taken out
 * with a note; so are the rows of a `COPY ... FROM stdin` block, which psql feeds from the
 * file. A backslash inside a string, a quoted name, a comment or a dollar-quoted function
 * body is SQL and stays.
 */

export interface DumpScript {
  /** The SQL left to run. */
  sql: string;
  /** One sentence per line that was skipped. */
  notes: string[];
  /** The extensions the file creates (`CREATE EXTENSION citext`), in order. */
  extensions: string[];
}

export function readDumpScript(text: string): DumpScript {
  const lines = text.split('\n');
  const kept: string[] = [];
  const notes: string[] = [];
  const scanner = new Scanner();
  let copying = false;
  let copyStart = 0;
  let copyRows = 0;
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    if (copying) {
      if (line === '\\.') {
        copying = false;
        notes.push(
          `Skipped the ${copyRows} data ${copyRows === 1 ? 'row' : 'rows'} of the COPY at line ${copyStart}.`,
        );
      } else copyRows++;
      kept.push('');
      continue;
    }
    if (scanner.atStatementBoundary() && line.startsWith('\\')) {
      const command = line.split(/\s/, 1)[0];
      notes.push(`Skipped line ${number}, the psql meta-command ${command}.`);
      kept.push('');
      continue;
    }
    const startedAtBoundary = scanner.atTopLevel();
    scanner.feed(`${line}\n`);
    if (startedAtBoundary && /^\s*COPY\b[\s\S]*\bFROM\s+stdin\s*;\s*$/i.test(line)) {
      copying = true;
      copyStart = number;
      copyRows = 0;
      kept.push(`-- ${line}`);
      continue;
    }
    kept.push(line);
  }
  const sql = kept.join('\n');
  return { sql, notes, extensions: extensionsCreated(sql) };
}

const CREATE_EXTENSION =
  /\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$-]*))/gi;

function extensionsCreated(sql: string): string[] {
  const found: string[] = [];
  for (const match of stripComments(sql).matchAll(CREATE_EXTENSION)) {
    const name = match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]!.toLowerCase();
    if (!found.includes(name)) found.push(name);
  }
  return found;
}

/** The SQL with its comments and strings blanked, so a regex sees only code. */
function stripComments(sql: string): string {
  const scanner = new Scanner();
  let out = '';
  for (const char of sql) {
    const before = scanner.inCode();
    scanner.feed(char);
    out += before && scanner.inCode() ? char : char === '\n' ? '\n' : ' ';
  }
  return out;
}

/** Where in the SQL text we are: code, a string, a quoted name, a comment or a dollar quote. */
class Scanner {
  private state: 'code' | 'single' | 'escape-single' | 'double' | 'line' | 'block' | 'dollar' =
    'code';
  private depth = 0;
  private tag = '';
  private body = '';
  private previous = '';
  /** The code since the last `;`, to tell `E'...'` and a dollar tag's start. */
  private pending = '';

  atTopLevel(): boolean {
    return this.state === 'code';
  }

  /** In code or a quoted name: what a statement says, not a string or a comment. */
  inCode(): boolean {
    return this.state === 'code' || this.state === 'double';
  }

  /** Outside any quote or comment, with nothing but whitespace since the last `;`. */
  atStatementBoundary(): boolean {
    return this.state === 'code' && this.pending.trim() === '';
  }

  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      switch (this.state) {
        case 'code':
          if (char === "'") {
            this.state =
              /[eE]$/.test(this.pending) && !/\w[eE]$/.test(this.pending)
                ? 'escape-single'
                : 'single';
          } else if (char === '"') this.state = 'double';
          else if (char === '-' && this.previous === '-') {
            this.state = 'line';
            this.pending = this.pending.slice(0, -1);
          } else if (char === '*' && this.previous === '/') {
            this.state = 'block';
            this.depth = 1;
            this.pending = this.pending.slice(0, -1);
            this.previous = '';
            continue;
          } else if (char === '$') {
            // `$$` or `$tag$` opens a dollar quote; `$1` and `a$b` do not.
            const match = /(?:^|[^A-Za-z0-9_$])(\$(?:[A-Za-z_][A-Za-z0-9_]*)?)$/.exec(this.pending);
            if (match) {
              this.state = 'dollar';
              this.tag = `${match[1]}$`;
              this.body = '';
            }
          }
          if (this.state === 'code') {
            this.pending = char === ';' ? '' : this.pending + char;
          } else if (this.state !== 'line') {
            this.pending += char;
          }
          break;
        case 'single':
        case 'escape-single':
          if (this.state === 'escape-single' && char === '\\') {
            i++;
            this.pending += char + (text[i] ?? '');
            continue;
          }
          if (char === "'") this.state = 'code';
          this.pending += char;
          break;
        case 'double':
          if (char === '"') this.state = 'code';
          this.pending += char;
          break;
        case 'line':
          if (char === '\n') {
            this.state = 'code';
            this.pending += char;
          }
          break;
        case 'block':
          if (char === '/' && this.previous === '*') {
            this.depth--;
            if (this.depth === 0) {
              this.state = 'code';
              this.previous = '';
              continue;
            }
          } else if (char === '*' && this.previous === '/') {
            this.depth++;
            this.previous = '';
            continue;
          }
          break;
        case 'dollar':
          this.pending += char;
          this.body += char;
          if (this.body.endsWith(this.tag)) this.state = 'code';
          break;
      }
      this.previous = char;
    }
  }
}
