/** Short messages in the bottom-right corner; errors stay longer. */
import { useSessionStore } from '../store/session-store';

export function Toasts() {
  const toasts = useSessionStore((s) => s.toasts);
  const dismiss = useSessionStore((s) => s.dismissToast);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast toast--${t.level}`}
          role={t.level === 'error' ? 'alert' : 'status'}
          data-testid="toast"
        >
          <span>{t.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
