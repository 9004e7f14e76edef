import { useEffect, useState, type RefObject } from 'react';

/** Whether the element is (partly) on screen. False where IntersectionObserver is missing. */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setInView(entries.some((e) => e.isIntersecting)), {
      threshold: 0.05,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}
