/** Read-only CodeMirror for generated code, highlighted as Python, SQL or TypeScript. */
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { PostgreSQL, sql } from '@codemirror/lang-sql';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMemo } from 'react';

export type CodeLanguage = 'python' | 'sql' | 'typescript';

function extensionFor(language: CodeLanguage) {
  switch (language) {
    case 'python':
      return python();
    case 'sql':
      return sql({ dialect: PostgreSQL });
    case 'typescript':
      return javascript({ typescript: true });
  }
}

const dark =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches;

export function CodeView({
  code,
  language,
  label,
  maxHeight,
}: {
  code: string;
  language: CodeLanguage;
  label: string;
  maxHeight?: string;
}) {
  // Long statements wrap instead of running off the panel's edge.
  const extensions = useMemo(() => [extensionFor(language), EditorView.lineWrapping], [language]);
  return (
    <section className="code-view" aria-label={label} data-testid={`code-${label}`}>
      <CodeMirror
        value={code}
        extensions={extensions}
        editable={false}
        readOnly
        theme={dark ? 'dark' : 'light'}
        maxHeight={maxHeight}
        basicSetup={{ foldGutter: false, highlightActiveLine: false, autocompletion: false }}
      />
    </section>
  );
}
