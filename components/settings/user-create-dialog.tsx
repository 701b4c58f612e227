"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { UserCreateForm } from "./user-create-form";

/** The "Add user" button and the panel it opens. */
export function UserCreateDialog({ teams }: { teams: { id: string; name: string; slug: string }[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} aria-haspopup="dialog">Add user</Button>
      {open ? (
        <Dialog title="Add user" size="lg" description="A local account with an initial password, or a single-sign-on account without one." onClose={() => setOpen(false)}>
          <UserCreateForm teams={teams} onDone={() => setOpen(false)} />
        </Dialog>
      ) : null}
    </>
  );
}
