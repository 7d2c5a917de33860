interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The first message of each field from zod issues (`extra_services.1.name` for nested ones). */
export function issuesByField(issues: readonly IssueLike[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const name = issue.path.map(String).join('.') || '_';
    fields[name] ??= issue.message;
  }
  return fields;
}

/** After a refused submit, the first field in error gets the focus (and is scrolled to) once rendered. */
export function focusFirstInvalid(form: Element | null | undefined): void {
  requestAnimationFrame(() => {
    const target = (form ?? document).querySelector<HTMLElement>('[aria-invalid="true"]');
    target?.focus();
  });
}
