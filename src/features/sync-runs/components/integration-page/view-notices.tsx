// Tells the user what was corrected in the address they opened.
export function ViewNotices({ notices, onDismiss }: { notices: string[]; onDismiss: () => void }) {
  if (notices.length === 0) return null;
  return (
    <div
      role="status"
      className="flex items-start justify-between gap-3 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950"
    >
      <div>
        <p className="font-medium">The link was adjusted to a view that can be shown:</p>
        <ul className="mt-1 list-disc pl-5">
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={onDismiss} className="rounded px-2 py-1 hover:bg-sky-100">
        Dismiss
      </button>
    </div>
  );
}
