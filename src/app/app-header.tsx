// The app chrome: product name, theme, signed-in account and tenant, sign-out.
import type { AccountInfo } from '@azure/msal-browser';
import { Link } from 'react-router';
import { ThemeSwitch } from './theme-switch';

export function AppHeader({ account, onSignOut }: { account: AccountInfo; onSignOut: () => void }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="text-lg font-semibold">
          Sync Runs
        </Link>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <ThemeSwitch />
          <div className="text-right">
            <p className="font-medium">{account.name ?? account.username}</p>
            <p className="text-xs text-slate-600">
              {account.username} · tenant <code>{account.tenantId}</code>
            </p>
          </div>
          <button
            type="button"
            onClick={onSignOut}
            className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
