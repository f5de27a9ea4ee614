export function Forbidden({ role, you }: { role: string; you: string }) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <h1 className="text-xl font-semibold">Not allowed</h1>
      <p className="mt-1 text-sm">
        This page needs the {role} role; you are signed in as {you}. Ask an admin to change your role.
      </p>
    </div>
  );
}
