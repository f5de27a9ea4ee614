"use client";

import { memo, useDeferredValue, useEffect, useState, type ComponentType } from "react";

/** Is the element `selector` names on screen? True until known (and without the API). */
function useOnScreen(selector: string): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = document.querySelector(selector);
    if (!el || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver(([e]) => setVisible(e.isIntersecting));
    io.observe(el);
    return () => io.disconnect();
  }, [selector]);
  return visible;
}

/** The chart card of a panel, by the id its spec carries. */
export const chartCard = (id: string) => `[data-chart-id="${id}"]`;

/**
 * A panel whose props follow the view (a filter click, a year): on screen it re-renders with the
 * change; off screen it re-renders just after, in a deferred render React may interrupt
 * (useDeferredValue), so the frame after a click draws what the reader sees first. The panel
 * itself is unchanged (memoised; its props are kept as they were until the deferred render).
 */
export function deferredWhenHidden<P extends object>(Panel: ComponentType<P>, selector: (props: P) => string) {
  const Memo = memo(Panel) as unknown as ComponentType<P>;
  function DeferredWhenHidden(props: P) {
    const visible = useOnScreen(selector(props));
    const deferred = useDeferredValue(props);
    return <Memo {...(visible ? props : deferred)} />;
  }
  DeferredWhenHidden.displayName = `DeferredWhenHidden(${Panel.displayName ?? Panel.name})`;
  return DeferredWhenHidden;
}
