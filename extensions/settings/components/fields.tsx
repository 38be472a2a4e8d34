import { useState } from 'react';
import { DateInput, Input, NumberInput } from '@hubspot/ui-extensions';
import type { SettingsIssue } from '../api/settings-api-types';
import { fromBaseDate, toBaseDate } from '../model/dates';
import { messageAt } from './field-issues';

interface FieldProps<T> {
  label: string;
  /** The document path the field edits; also its `name`, so an API issue at it lands here. */
  path: string;
  value: T;
  issues: readonly SettingsIssue[];
  readOnly: boolean;
  onChange: (path: string, value: T) => void;
  description?: string;
}

export function NumberField({ label, path, value, issues, readOnly, onChange, description }: FieldProps<number | undefined>) {
  const message = messageAt(issues, path);
  return <NumberInput label={label} name={path} value={value} readOnly={readOnly} description={description} error={message !== undefined} validationMessage={message} onChange={(v) => onChange(path, v)} />;
}

export function DateField({ label, path, value, issues, readOnly, onChange }: FieldProps<string>) {
  const message = messageAt(issues, path);
  return <DateInput label={label} name={path} value={toBaseDate(value) ?? undefined} readOnly={readOnly} format="YYYY-MM-DD" error={message !== undefined} validationMessage={message} onChange={(v) => onChange(path, fromBaseDate(v))} />;
}

/**
 * A list typed as text (`101, 102`). The text is kept as typed, so a trailing comma does not vanish
 * under the cursor; the parsed value goes to the document on every change.
 */
export function ListField<T>({ label, path, value, issues, readOnly, onChange, description, format, parse }: FieldProps<T> & { format: (v: T) => string; parse: (text: string) => T }) {
  const [text, setText] = useState(() => format(value));
  const message = issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`)).map((i) => (i.path === path ? i.message : `${i.path.slice(path.length + 1)}: ${i.message}`)).join('; ') || undefined;
  return (
    <Input
      label={label}
      name={path}
      value={text}
      readOnly={readOnly}
      description={description}
      error={message !== undefined}
      validationMessage={message}
      onChange={(next) => {
        setText(next);
        onChange(path, parse(next));
      }}
    />
  );
}
