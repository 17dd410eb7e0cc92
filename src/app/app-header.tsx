// The app chrome: product name, theme, signed-in account and tenant, sign-out. On a phone the
// account and theme fold behind an "Account" button, so the bar stays one line.
import type { AccountInfo } from '@azure/msal-browser';
import { useState } from 'react';
import { Link } from 'react-router';
import { ThemeSwitch } from './theme-switch';

const BUTTON =
  'rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600';

export function AppHeader({ account, onSignOut }: { account: AccountInfo; onSignOut: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-2 sm:py-3">
        <Link to="/" className="text-lg font-semibold">
          Sync Runs
        </Link>
        <div className="flex items-center gap-2 text-sm sm:order-last">
          <button
            type="button"
            aria-expanded={open}
            aria-controls="account-panel"
            onClick={() => setOpen((value) => !value)}
            className={`${BUTTON} sm:hidden`}
          >
            Account
          </button>
          <button type="button" onClick={onSignOut} className={BUTTON}>
            Sign out
          </button>
        </div>
        <div
          id="account-panel"
          className={`${open ? 'flex' : 'hidden'} w-full flex-wrap items-center justify-between gap-3 text-sm sm:ml-auto sm:flex sm:w-auto`}
        >
          <ThemeSwitch />
          <div className="min-w-0 sm:text-right">
            <p className="font-medium">{account.name ?? account.username}</p>
            <p className="text-xs break-all text-slate-600">
              {account.username} · tenant <code>{account.tenantId}</code>
            </p>
          </div>
        </div>
      </div>
    </header>
  );
}
