// Keeps a failure inside one panel: the rest of the page stays usable, the error is reported (when
// a deployment asked for reports) and the panel can be tried again.
import { Component, type ReactNode } from 'react';
import { reportError } from '@/lib/errors/error-reporter';

type Props = {
  /** What the panel shows, for the message: "The run timeline". */
  label: string;
  children: ReactNode;
};

type State = { error: Error | null };

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown) {
    reportError(error, this.props.label);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div
        role="alert"
        className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-950"
      >
        <p className="font-semibold">{this.props.label} could not be shown.</p>
        <p className="mt-1">
          The rest of the page still works. Try again; if it keeps failing, reload the page.
        </p>
        <p className="mt-1 text-xs text-red-900">Detail: {error.message}</p>
        <button
          type="button"
          onClick={() => this.setState({ error: null })}
          className="mt-3 rounded bg-red-700 px-3 py-1.5 text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          Try again
        </button>
      </div>
    );
  }
}
