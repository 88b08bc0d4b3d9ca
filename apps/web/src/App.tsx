/**
 * The editor's frame: the toolbar (project, database, save status, editing commands), the
 * canvas in the centre, and the sidebar with the inspector, the list of views, functions,
 * triggers and policies, the code, the review of pending changes and the revision timeline.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Canvas, type CanvasControls } from './canvas';
import { selectedTableIds } from './canvas/table-clipboard';
import { FindPalette } from './find/FindPalette';
import { ImportDialog, TextExportMenu } from './import';
import { Inspector } from './inspector';
import { isTyping } from './is-typing';
import { autoLayout } from './layout';
import { useObjectEditor } from './objects/editor-store';
import { BaseStateBanner } from './panels/BaseStateBanner';
import { DraftBanner } from './panels/DraftBanner';
import { HelpOverlay } from './panels/HelpOverlay';
import { ImageExportDialog } from './panels/ImageExportDialog';
import { SaveStatusBadge } from './panels/SaveStatusBadge';
import { SidePanel } from './panels/SidePanel';
import { TabStrip } from './panels/TabStrip';
import { Toasts } from './panels/Toasts';
import { designStore, useDesignHistory, useDesignStore } from './store/design-store';
import { sessionStore, useSessionStore } from './store/session-store';
import { viewStore } from './store/view-store';

// The code editor and the code generators load with the first panel that shows code.
const CodePanel = lazy(async () => ({ default: (await import('./panels/CodePanel')).CodePanel }));
const ReviewPanel = lazy(async () => ({
  default: (await import('./panels/ReviewPanel')).ReviewPanel,
}));
const RunDialog = lazy(async () => ({ default: (await import('./panels/RunDialog')).RunDialog }));
const ObjectsPanel = lazy(async () => ({
  default: (await import('./objects/ObjectsPanel')).ObjectsPanel,
}));
// CodeMirror and its SQL language load with the editor's first opening.
const ObjectEditor = lazy(async () => ({
  default: (await import('./objects/ObjectEditor')).ObjectEditor,
}));
const TimelinePanel = lazy(async () => ({
  default: (await import('./panels/TimelinePanel')).TimelinePanel,
}));

type Tab = 'inspector' | 'objects' | 'code' | 'review' | 'timeline';
const TABS: { id: Tab; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'objects', label: 'Objects' },
  { id: 'code', label: 'Code' },
  { id: 'review', label: 'Review' },
  { id: 'timeline', label: 'Timeline' },
];

function revealImported(tableId: string) {
  requestAnimationFrame(() => viewStore.getState().revealItem(tableId));
}

export function App() {
  const project = useSessionStore((s) => s.project);
  const loadError = useSessionStore((s) => s.loadError);
  const viewing = useSessionStore((s) => s.viewing);
  const hasDesign = useDesignStore((s) => s.design !== null);
  const history = useDesignHistory();
  const [tab, setTab] = useState<Tab>('inspector');
  const [help, setHelp] = useState(false);
  const [importing, setImporting] = useState(false);
  const [picture, setPicture] = useState(false);
  const editingObject = useObjectEditor((s) => s.editing);
  // The editing canvas' view controls (the snapshot canvas of an old revision keeps its own).
  const canvas = useRef<CanvasControls | null>(null);
  const onCanvasReady = useCallback((controls: CanvasControls) => {
    canvas.current = controls;
  }, []);

  useEffect(() => {
    void sessionStore.getState().open();
  }, []);

  useEffect(() => {
    if (viewing) setTab('timeline');
  }, [viewing]);

  // Whatever is selected on the canvas is shown in the inspector, whichever tab was open.
  useEffect(
    () =>
      designStore.subscribe((state, previous) => {
        if (state.selection && state.selection !== previous.selection) setTab('inspector');
      }),
    [],
  );

  useEffect(() => {
    // The draft survives a reload, but the browser still asks before edits leave the page
    // without reaching design.json.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const status = sessionStore.getState().saveStatus;
      if (status === 'saved' || status === 'loading') return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.shiftKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        if (!sessionStore.getState().viewing) setPicture(true);
      } else if (
        event.key.toLowerCase() === 'i' &&
        !mod &&
        !event.altKey &&
        !sessionStore.getState().viewing &&
        designStore.getState().design
      ) {
        event.preventDefault();
        setImporting(true);
      } else if (event.key === '?') {
        event.preventDefault();
        setHelp((open) => !open);
      } else if (event.key === 'Escape') {
        setHelp(false);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const toast = (text: string, level: 'info' | 'error') =>
    sessionStore.getState().toast(text, level);

  const addTable = () => {
    if (viewing) return;
    if (canvas.current?.addTableInView()) setTab('inspector');
  };

  const layout = async () => {
    const design = designStore.getState().design;
    if (!design || viewing) return;
    try {
      const started = performance.now();
      designStore.getState().applyLayout(await autoLayout(design));
      // Read by the editor benchmark (bench/web.ts): elkjs plus the store update.
      performance.measure('retort:auto-layout', { start: started });
      canvas.current?.fitView();
    } catch (error) {
      toast(error instanceof Error ? error.message : String(error), 'error');
    }
  };

  const current = project?.current ?? null;
  const editing = !viewing;
  // The toolbar's editing commands, all off while an old revision is shown.
  const commands: { label: string; enabled: boolean; onClick: () => void; title?: string }[] = [
    { label: 'Add table', enabled: hasDesign, onClick: addTable },
    { label: 'Auto layout', enabled: hasDesign, onClick: () => void layout() },
    {
      label: 'Picture',
      enabled: hasDesign,
      onClick: () => setPicture(true),
      title: 'Export a picture of the diagram, PNG or SVG (Shift+Ctrl/Cmd+E)',
    },
    { label: 'Undo', enabled: history.canUndo, onClick: history.undo, title: 'Undo (Ctrl/Cmd+Z)' },
    {
      label: 'Redo',
      enabled: history.canRedo,
      onClick: history.redo,
      title: 'Redo (Shift+Ctrl/Cmd+Z, Ctrl+Y)',
    },
  ];

  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand">Retort</span>
        <span className="project-name" data-testid="project-name">
          {project?.name ?? '…'}
        </span>
        {project && (
          <span
            className="badge badge--db"
            title={project.database.description}
            data-testid="database-badge"
          >
            {project.database.kind === 'pglite' ? 'PGlite' : 'Postgres'} ·{' '}
            {current ? <code>{current}</code> : 'base'}
          </span>
        )}
        {project?.drift && project.drift.differences.length > 0 && (
          <span
            className="badge badge--warn"
            title={project.drift.differences.join('\n')}
            data-testid="drift-badge"
          >
            Drift
          </span>
        )}
        <SaveStatusBadge />
        <span className="toolbar__spacer" />
        <button
          type="button"
          onClick={() => setImporting(true)}
          disabled={!editing || !hasDesign}
          title="Bring tables in from SQL or DBML (I)"
        >
          Import…
        </button>
        <TextExportMenu disabled={!editing || !hasDesign} />
        {commands.map((command) => (
          <button
            key={command.label}
            type="button"
            onClick={command.onClick}
            disabled={!editing || !command.enabled}
            title={command.title}
          >
            {command.label}
          </button>
        ))}
        <button type="button" onClick={() => setHelp(true)} title="Keyboard shortcuts (?)">
          Help
        </button>
      </header>

      <main className="centre">
        <div className="notices">
          <DraftBanner />
          <BaseStateBanner onReview={() => setTab('review')} />
        </div>
        {loadError ? (
          <div className="load-error" role="alert">
            <p>{loadError}</p>
            <button type="button" onClick={() => void sessionStore.getState().open()}>
              Try again
            </button>
          </div>
        ) : viewing ? (
          <div className="snapshot">
            <div className="snapshot__bar">
              Schema at <code>{viewing.revision.id}</code> — {viewing.revision.message}
              <button
                type="button"
                className="primary"
                onClick={() => sessionStore.getState().backToEditing()}
              >
                Back to editing
              </button>
            </div>
            <Canvas
              key={viewing.revision.id}
              design={viewing.revision.schema}
              readOnly
              onMessage={toast}
            />
          </div>
        ) : (
          <Canvas onMessage={toast} onReady={onCanvasReady} />
        )}
      </main>

      <SidePanel>
        <TabStrip tabs={TABS} selected={tab} onSelect={setTab} variant="tab" />
        <div className="tab-body">
          {tab === 'inspector' && <Inspector />}
          <Suspense fallback={<p className="empty-note panel">Loading…</p>}>
            {tab === 'objects' && <ObjectsPanel />}
            {tab === 'code' && <CodePanel />}
            {tab === 'review' && <ReviewPanel />}
            {tab === 'timeline' && <TimelinePanel />}
          </Suspense>
        </div>
      </SidePanel>

      {help && <HelpOverlay onClose={() => setHelp(false)} />}
      {importing && editing && (
        <ImportDialog
          onClose={() => setImporting(false)}
          onImported={(tableIds, mode) => {
            setImporting(false);
            const count = tableIds.length;
            toast(
              `Imported ${count} ${count === 1 ? 'table' : 'tables'}; Undo takes them out.`,
              'info',
            );
            if (mode === 'replace' || tableIds.length === 0) canvas.current?.fitView();
            // Merged tables sit right of the drawing: go there once they are drawn.
            else requestAnimationFrame(() => revealImported(tableIds[0]!));
          }}
        />
      )}
      {picture && editing && (
        <ImageExportDialog
          designName={designStore.getState().design?.name ?? ''}
          selectedCount={selectedTableIds().length}
          onExport={async (options) => (await canvas.current?.exportImage(options)) ?? null}
          onError={(text) => toast(text, 'error')}
          onClose={() => setPicture(false)}
        />
      )}
      {editing && hasDesign && <FindPalette onJump={() => setTab('inspector')} />}
      <Suspense fallback={null}>
        <RunDialog />
        {editingObject && editing && <ObjectEditor editing={editingObject} />}
      </Suspense>
      <Toasts />
    </div>
  );
}
