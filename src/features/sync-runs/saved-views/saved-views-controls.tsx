// "Save view" names the current view; "Saved views" lists them. Both beside "Copy link".
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FIELD } from '@/components/field-styles';
import { suggestViewName, viewPath } from '@/domain/sync-runs/view/saved-views';
import type { ViewParams } from '@/domain/sync-runs/view/view-params';
import type { IntegrationInfo } from '@/lib/integrations/catalog';
import { StorageNotice } from '@/features/sync-runs/components/storage-notice';
import { SavedViewsList } from './saved-views-list';
import { storeView, useSavedViews } from './saved-views-store';

const BUTTON =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600';

type Panel = 'none' | 'save' | 'list';

export function SavedViewsControls({
  integration,
  params,
}: {
  integration: IntegrationInfo;
  params: ViewParams;
}) {
  const views = useSavedViews();
  const [panel, setPanel] = useState<Panel>('none');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const ids = { save: useId(), list: useId(), error: useId() };
  const nameRef = useRef<HTMLInputElement>(null);
  // The name field takes the focus as the form opens, its suggested name selected to retype.
  useEffect(() => {
    if (panel === 'save') {
      nameRef.current?.focus();
      nameRef.current?.select();
    }
  }, [panel]);

  function toggle(next: Panel) {
    setError(null);
    setSaved(null);
    if (next === 'save' && panel !== 'save')
      setName(suggestViewName(integration.displayName, params));
    setPanel(panel === next ? 'none' : next);
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const result = storeView({ name, path: viewPath(integration.name, params) });
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    setPanel('none');
    setSaved(
      `${result.replaced ? 'Updated' : 'Saved'} “${name.trim()}”. Open it from Saved views.`,
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        aria-expanded={panel === 'save'}
        aria-controls={ids.save}
        onClick={() => toggle('save')}
        className={BUTTON}
      >
        Save view
      </button>
      <button
        type="button"
        aria-expanded={panel === 'list'}
        aria-controls={ids.list}
        onClick={() => toggle('list')}
        className={BUTTON}
      >
        Saved views ({views.length})
      </button>
      <p role="status" className="basis-full text-xs text-slate-700 empty:hidden">
        {saved}
      </p>
      <StorageNotice className="basis-full" />
      {panel === 'save' && (
        <form
          id={ids.save}
          aria-label="Save this view"
          onSubmit={save}
          noValidate
          className="flex basis-full flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-2"
        >
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs text-slate-700">
            Name of this view
            <input
              type="text"
              ref={nameRef}
              value={name}
              maxLength={80}
              onChange={(event) => setName(event.target.value)}
              aria-describedby={ids.error}
              aria-invalid={error !== null}
              className={`${FIELD} text-sm`}
            />
          </label>
          <button type="submit" className={BUTTON}>
            Save
          </button>
          <button type="button" onClick={() => setPanel('none')} className={BUTTON}>
            Cancel
          </button>
          <p
            id={ids.error}
            role={error ? 'alert' : undefined}
            className="basis-full text-xs text-slate-600"
          >
            {error ??
              'Keeps the window, filters, sort and time zone, in this browser only. Search text is not kept.'}
          </p>
        </form>
      )}
      {panel === 'list' && (
        <section
          id={ids.list}
          aria-label="Saved views"
          className="basis-full rounded border border-slate-200 bg-white p-2"
        >
          <SavedViewsList views={views} />
        </section>
      )}
    </div>
  );
}
