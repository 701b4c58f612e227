"use client";

import { useEffect, useEffectEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { cn } from "./cn";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

type ModalProps = {
  onClose: () => void;
  className?: string;
  children: React.ReactNode;
} & Pick<React.HTMLAttributes<HTMLDialogElement>, "aria-labelledby" | "aria-describedby" | "aria-label">;

/**
 * The one modal of the console, on the native `<dialog>` opened with `showModal()`: the browser
 * makes the page behind inert and puts the dialog in the top layer. On top of that it keeps Tab
 * inside (the native dialog lets Tab leave to the browser's own controls), closes on Escape
 * through `onClose` (which may ignore it, e.g. while a save is in flight), and gives focus back to
 * the control that opened it. Mount it while open, unmount it to close.
 */
export function Modal({ onClose, className, children, ...aria }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // Read while rendering, before any autofocus inside moves focus: this is the opener.
  const [opener] = useState(() => (typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null)));
  const requestClose = useEffectEvent(() => onClose());

  useLayoutEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  // A browser may still close the dialog itself (some close requests cannot be refused); keep
  // React's state the source of truth by asking the owner, and reopen if it says no.
  useEffect(() => {
    const dialog = ref.current!;
    const onNativeClose = () => {
      requestClose();
      if (dialog.isConnected && !dialog.open) dialog.showModal();
    };
    dialog.addEventListener("close", onNativeClose);
    return () => dialog.removeEventListener("close", onNativeClose);
  }, []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === "Tab") {
      const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
      if (!items.length) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || active === event.currentTarget)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <dialog
      ref={ref}
      {...aria}
      onKeyDown={onKeyDown}
      onCancel={(event) => event.preventDefault()}
      className={cn("backdrop:bg-slate-900/40 open:flex open:flex-col", className)}
    >
      {children}
    </dialog>
  );
}

/** A titled modal panel; the title names it and the description describes it for screen readers. */
export function Dialog({ title, description, onClose, children, size = "md" }: { title: string; description?: React.ReactNode; onClose: () => void; children: React.ReactNode; size?: "md" | "lg" }) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <Modal
      onClose={onClose}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className={cn(
        "m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] overflow-y-auto rounded-lg bg-white p-6 text-left text-slate-900 shadow-xl",
        size === "lg" ? "max-w-2xl" : "max-w-md",
      )}
    >
      <h2 id={titleId} className="text-base font-semibold text-slate-900">{title}</h2>
      {description ? <div id={descriptionId} className="mt-1 text-sm text-slate-600">{description}</div> : null}
      <div className="mt-5">{children}</div>
    </Modal>
  );
}
