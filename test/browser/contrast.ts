/**
 * The contrast of each visible control's text with what is behind it, as the browser computed
 * them (WCAG 2 contrast ratio). The background is the first opaque one among the element and its
 * ancestors, with translucent ones blended over it; under a gradient, its worst colour counts.
 */
import type { Page } from 'playwright-core';

export interface ContrastReading {
  /** How to find it: tag, id, classes, text. */
  control: string;
  color: string;
  background: string;
  ratio: number;
}

/** The controls on the page: fields, buttons, links, menus' summaries. */
export const CONTROLS = 'input, textarea, select, button, a[href], summary';

/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** Every visible control matching `selector`, measured in the page. */
export function measureContrast(page: Page, selector = CONTROLS): Promise<ContrastReading[]> {
  return page.evaluate((selector) => {
    type RGBA = [number, number, number, number];
    const parse = (text: string): RGBA[] =>
      [...text.matchAll(/rgba?\(([^)]+)\)/g)].map((m) => {
        const [r, g, b, a] = m[1].split(/[,\s/]+/).filter(Boolean).map(Number);
        return [r, g, b, a ?? 1];
      });
    const over = (top: RGBA, below: RGBA): RGBA => {
      const a = top[3];
      return [top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1];
    };
    const luminance = ([r, g, b]: RGBA) => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const ratio = (x: RGBA, y: RGBA) => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
      return (hi + 0.05) / (lo + 0.05);
    };
    /** The backgrounds behind an element, innermost first, up to the first opaque one or a gradient. */
    const backgrounds = (element: Element): RGBA[][] => {
      const layers: RGBA[][] = [];
      for (let e: Element | null = element; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.backgroundImage.includes('gradient')) {
          layers.push(parse(style.backgroundImage));
          return layers;
        }
        const [colour] = parse(style.backgroundColor);
        if (colour && colour[3] > 0) {
          layers.push([colour]);
          if (colour[3] >= 1) return layers;
        }
      }
      layers.push([[255, 255, 255, 1]]); // the canvas
      return layers;
    };
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.classList.length ? `.${[...e.classList].join('.')}` : ''}` +
      ` "${((e as HTMLInputElement).value || e.textContent || (e as HTMLInputElement).placeholder || '').trim().slice(0, 30)}"`;
    const readings = [];
    for (const element of document.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || (element as HTMLInputElement).type === 'hidden') continue;
      const layers = backgrounds(element);
      // Each candidate opaque colour at the bottom, the translucent layers blended over it, innermost last.
      const bottoms = layers[layers.length - 1];
      const translucent = layers.slice(0, -1).reverse();
      let worst: { background: RGBA; ratio: number } | null = null;
      const [text] = parse(style.color);
      for (const bottom of bottoms) {
        let background: RGBA = bottom[3] >= 1 ? bottom : over(bottom, [255, 255, 255, 1]);
        for (const [layer] of translucent) background = over(layer, background);
        const r = ratio(over(text, background), background);
        if (!worst || r < worst.ratio) worst = { background, ratio: r };
      }
      readings.push({
        control: describe(element),
        color: style.color,
        background: `rgb(${worst!.background.slice(0, 3).map(Math.round).join(', ')})`,
        ratio: Math.round(worst!.ratio * 100) / 100,
      });
    }
    return readings;
  }, selector);
}
