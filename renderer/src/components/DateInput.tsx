// A date box that always reads and writes dd/MM/yyyy on screen (whatever the browser's or Windows' locale) and
// hands ISO YYYY-MM-DD to the screen. A native <input type="date"> follows the browser's language, which shows
// 12/01/2026 for 1 December on an en-US machine: too easy to misread in an English school office.
import { useEffect, useState } from 'react';
import { Input, type InputProps } from '@fluentui/react-components';
import { formatUkDate, parseInputDate } from '../../../shared/dates';

type Props = Omit<InputProps, 'value' | 'onChange' | 'type' | 'defaultValue'> & {
  /** ISO date, or '' for none. */
  value: string;
  /**
   * Called with the ISO date when the text is a real date, with '' when it is empty or not (yet) a date. A screen that
   * keeps its last good date (ignores '') gets that date shown again when the box loses focus.
   */
  onChange: (ev: unknown, data: { value: string }) => void;
};

export function DateInput({ value, onChange, onBlur, ...rest }: Props) {
  const [text, setText] = useState(formatUkDate(value));
  // Follow the value when it changes from outside (another control, a reset), not while the user types.
  useEffect(() => {
    if ((parseInputDate(text) ?? '') !== value) {
      setText(formatUkDate(value));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const invalid = text.trim() !== '' && parseInputDate(text) === null;
  return (
    <Input
      {...rest}
      value={text}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      aria-invalid={invalid || rest['aria-invalid'] ? true : undefined}
      style={{ width: '9.5em', ...rest.style }}
      onChange={(ev, d) => {
        setText(d.value);
        onChange(ev, { value: parseInputDate(d.value) ?? '' });
      }}
      onBlur={(ev) => {
        const iso = parseInputDate(text);
        if (iso) {
          setText(formatUkDate(iso));
        } else if (value) {
          setText(formatUkDate(value));
        }
        onBlur?.(ev);
      }}
    />
  );
}
