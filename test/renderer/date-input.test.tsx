// @vitest-environment happy-dom
// The date box reads and writes dd/MM/yyyy and hands ISO dates (or '' while not a date) to its screen.
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { DateInput } from '../../renderer/src/components/DateInput';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let container: HTMLDivElement;
afterEach(() => {
  container?.remove();
});

function mount(initial: string, seen: string[]) {
  function Harness() {
    const [v, setV] = useState(initial);
    return (
      <FluentProvider theme={webLightTheme}>
        <DateInput
          aria-label="Day"
          value={v}
          onChange={(_, d) => {
            seen.push(d.value);
            setV(d.value);
          }}
        />
      </FluentProvider>
    );
  }
  container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(<Harness />));
  return container.querySelector('input')!;
}

function type(input: HTMLInputElement, text: string) {
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('DateInput', () => {
  it('shows an ISO value as dd/mm/yyyy', () => {
    expect(mount('2026-12-01', []).value).toBe('01/12/2026');
  });

  it('hands over ISO for a real UK date and nothing for a partial or impossible one', () => {
    const seen: string[] = [];
    const input = mount('', seen);
    type(input, '1/12/20');
    type(input, '30/02/2027');
    type(input, '1/12/2026');
    expect(seen).toEqual(['', '', '2026-12-01']);
    expect(input.value).toBe('1/12/2026'); // what was typed stays while typing
    expect(input.getAttribute('aria-invalid')).toBeNull();
    type(input, '12/31/2026'); // US order is not a date here
    expect(seen.at(-1)).toBe('');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the last good date again on leaving the box when the screen ignored the half-typed one', () => {
    function Keeper() {
      const [v, setV] = useState('2026-12-01');
      return (
        <FluentProvider theme={webLightTheme}>
          <DateInput
            aria-label="Day"
            value={v}
            onChange={(_, d) => {
              if (d.value) {
                setV(d.value);
              }
            }}
          />
        </FluentProvider>
      );
    }
    container = document.createElement('div');
    document.body.appendChild(container);
    act(() => createRoot(container).render(<Keeper />));
    const input = container.querySelector('input')!;
    type(input, '');
    act(() => {
      input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      input.dispatchEvent(new FocusEvent('blur'));
    });
    expect(input.value).toBe('01/12/2026');
  });
});
