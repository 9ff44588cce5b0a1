/**
 * A table that scrolls sideways on a narrow screen: its wrapper is a named region that takes the
 * keyboard's focus, so a person without a mouse can scroll it (axe: scrollable-region-focusable).
 */
import type { ComponentChildren } from 'preact';

export function ScrollingTable({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" tabindex={0} {...(labelledBy === undefined ? { 'aria-label': label } : { 'aria-labelledby': labelledBy })}>
      {children}
    </div>
  );
}
