// Tabs that switch a screen's address (Leave of absence: new request, decisions, ...). Fluent UI's TabList is
// not used: its arrow-key mover surrounds the tabs with tabster's hidden focus guards (an aria-hidden element
// that can take the focus), which axe reports as aria-hidden-focus on every scan (docs/ux.md). These tabs are
// the plain ARIA pattern with a roving tabindex: Tab reaches the selected tab, the arrow keys, Home and End move
// between tabs, Enter, Space or a click selects.
import { useRef, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  tab: {
    minHeight: '32px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    background: 'none',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

export type RouteTab = { value: string; label: string };

export function RouteTabs(props: {
  label: string;
  tabs: RouteTab[];
  selected: string;
  onSelect: (value: string) => void;
}) {
  const { label, tabs, selected, onSelect } = props;
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? []);
    const at = buttons.findIndex((b) => b === document.activeElement);
    const next: Record<string, number> = {
      ArrowRight: (at + 1) % buttons.length,
      ArrowLeft: (at - 1 + buttons.length) % buttons.length,
      Home: 0,
      End: buttons.length - 1,
    };
    if (at >= 0 && e.key in next) {
      e.preventDefault();
      buttons[next[e.key]].focus();
    }
  };
  return (
    <div role="tablist" aria-label={label} ref={list} className={styles.list} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.value}
          type="button"
          role="tab"
          aria-selected={t.value === selected}
          tabIndex={t.value === selected ? 0 : -1}
          className={mergeClasses(styles.tab, t.value === selected && styles.selected)}
          onClick={() => onSelect(t.value)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
