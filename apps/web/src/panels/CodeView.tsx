/** Read-only CodeMirror for generated code, highlighted as Python, SQL or TypeScript, or plain. */
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { PostgreSQL, sql } from '@codemirror/lang-sql';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMemo, useSyncExternalStore } from 'react';

/** DBML and Mermaid are shown as plain text. */
export type CodeLanguage = 'python' | 'sql' | 'typescript' | 'dbml' | 'mermaid';

function extensionFor(language: CodeLanguage) {
  switch (language) {
    case 'python':
      return python();
    case 'sql':
      return sql({ dialect: PostgreSQL });
    case 'typescript':
      return javascript({ typescript: true });
    case 'dbml':
    case 'mermaid':
      return [];
  }
}

const DARK = '(prefers-color-scheme: dark)';

/** Follows the system's colour scheme as it changes, like the rest of the page's CSS. */
function subscribeToScheme(onChange: () => void): () => void {
  const query = window.matchMedia?.(DARK);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}
const prefersDark = () => window.matchMedia?.(DARK).matches ?? false;

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
  const dark = useSyncExternalStore(subscribeToScheme, prefersDark, () => false);
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
