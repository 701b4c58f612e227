"use client";

import { useEffect } from "react";

export const LEAVE_WARNING = "You have unsaved changes. Leave this page and lose them?";

/**
 * While `dirty`, asks before anything loses the editor's changes: the browser's own question on
 * reload, close or a typed URL (beforeunload), and a confirmation before following a link inside
 * the console. The App Router has no route-change event to veto, so links are caught by a
 * capture-phase click listener on the document, which runs before React's (and so before
 * next/link navigates); declining stops the click there. Links that open elsewhere (new tab,
 * download, another origin — the latter fires beforeunload) and in-page anchors go untouched.
 * The browser's back button is not guarded: the router handles popstate before any listener
 * added here could veto it.
 */
export function useUnsavedChanges(dirty: boolean, message = LEAVE_WARNING) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium only asks when returnValue is set.
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download") || (link.target && link.target !== "_self")) return;
      const to = new URL(link.href, window.location.href);
      if (to.origin !== window.location.origin) return;
      if (to.pathname === window.location.pathname && to.search === window.location.search) return;
      if (window.confirm(message)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, message]);
}
