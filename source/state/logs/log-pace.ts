// How often the logs pane's lines reach the store (and so the screen): shared with bench/ink-floor.tsx,
// which draws a flooded pane at dockpit's pace.

/** One store update per frame at Ink's 30 fps… */
export const frameMs = 33;
/**
 * …but when a whole screen of lines arrives per frame nobody can read them anyway, and each frame costs
 * Ink a full redraw of the screen. On this 2-core machine the flood's own shell, dockerd and its shim take
 * both cores, so a frame of 5 ms of CPU takes tens of ms to draw, and a key pressed meanwhile waits for it
 * before its own frame starts: the slowest keys are those that land on a flood frame. 10 frames a second
 * gave a key a median of 118 ms to the screen and 4 a second 63 ms (bench/side-by-side.ts' flood). From 4
 * a second to 2, read by bench/key-reader.mjs (six rounds of 40 timed presses each, taking turns): p95 56
 * → 33 ms, p90 36 → 26 ms, median 11 ms both. The pane still shows the newest lines twice a second.
 */
export const floodFrameMs = 500;
/** Longest a line of several containers waits for the others to deliver lines as new, so it falls into place. */
export const holdMs = 250;
