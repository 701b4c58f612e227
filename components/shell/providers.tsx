"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import type { UserActor } from "@/lib/permissions";
import { ActorProvider } from "./actor-context";
import { Toaster, toast } from "./toaster";

// One QueryClient per browser tab (create-t3-app); every failed query or mutation surfaces in
// one place, the toaster, unless the component handles it itself.
export function Providers({ actor, children }: { actor: UserActor; children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, retry: 1 } },
        queryCache: new QueryCache({ onError: (error) => toast(error.message, "error") }),
        mutationCache: new MutationCache({
          onError: (error, _vars, _ctx, mutation) => {
            if (!mutation.options.onError) toast(error.message, "error");
          },
        }),
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <ActorProvider actor={actor}>{children}</ActorProvider>
      <Toaster />
    </QueryClientProvider>
  );
}
