// When sockets are read.
// - Many quiet streams, read together: the list's stats streams each bring about one sample a second, and
//   waking the process for each sample costs more CPU than reading it (45 rows, 45 wakes a second: ~1.5 %
//   of a core here before any JavaScript ran; docs/performance.md). A gated stream's socket is not read
//   between openings; once a period every gated socket is read at once (the kernel keeps what arrived
//   meanwhile), so all the rows' samples cost one wake. A stream with no socket of its own (an ssh channel)
//   is read as it comes.
// - One loud stream, read in turns: a followed log flood arrives faster than it is parsed, and libuv reads
//   up to 32 × 64 KB from a socket in one go, so one read could keep keys and frames waiting 200 ms and
//   more; a turn's budget spent, the socket waits for the next turn of the event loop (the kernel and the
//   engine hold the rest).

/** The libuv stream behind a Node socket: reading is switched off and on without touching the stream's state. */
type Handle = {readStart: () => number; readStop: () => number; reading?: boolean};

export type ReadGate = {
	/** Gates a stream (an http response or a socket) until the returned function is called. */
	readonly add: (stream: object) => () => void;
	/** Reads every gated stream now, as the period does (for tests). */
	readonly open: () => void;
	/** How long from now on between two readings: longer while what they bring changes nothing on screen. */
	readonly pace: (periodMs: number) => void;
	/** Ungates everything and stops the timer. */
	readonly stop: () => void;
};

export type GateTimers = {
	readonly setInterval: (run: () => void, ms: number) => unknown;
	readonly clearInterval: (timer: unknown) => void;
	readonly setImmediate: (run: () => void) => void;
};

const realTimers: GateTimers = {
	setInterval(run, ms) {
		const timer = setInterval(run, ms);
		timer.unref();
		return timer;
	},
	clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout),
	setImmediate(run) {
		setImmediate(run);
	},
};

type Socketish = {_handle?: Partial<Handle> | null};

/** The socket under a stream: an http response's, or the stream itself. */
const socketOf = (stream: object): Socketish => (stream as {socket?: Socketish}).socket ?? (stream as Socketish);

function handleOf(socket: Socketish): Handle | undefined {
	const handle = socket._handle;
	return typeof handle?.readStart === 'function' && typeof handle.readStop === 'function' ? (handle as Handle) : undefined;
}

type Gated = {readonly socket: Socketish; readonly handle: Handle; stopped: boolean};

/** A socket closed meanwhile has let its handle go: it is neither started nor stopped again. */
const live = (entry: Gated) => entry.socket._handle === entry.handle;

function stopReading(entry: Gated) {
	// Only a socket Node is reading: one Node stopped itself (a full buffer) is left to Node.
	if (entry.stopped || entry.handle.reading === false || !live(entry)) return;
	entry.stopped = true;
	entry.handle.readStop();
}

function startReading(entry: Gated) {
	if (!entry.stopped) return;
	entry.stopped = false;
	if (live(entry)) entry.handle.readStart();
}

export function createReadGate(initialPeriodMs: number, timers: GateTimers = realTimers): ReadGate {
	const gated = new Set<Gated>();
	let periodMs = initialPeriodMs;
	let timer: unknown;
	let closing = false;

	function open() {
		for (const entry of gated) startReading(entry);
		if (closing) return;
		closing = true;
		// What the kernel holds is read in this turn's poll; the gates close again right after it.
		timers.setImmediate(() => {
			closing = false;
			for (const entry of gated) stopReading(entry);
		});
	}

	return {
		add(stream) {
			const socket = socketOf(stream);
			const handle = handleOf(socket);
			if (!handle) return () => undefined;
			const entry: Gated = {socket, handle, stopped: false};
			gated.add(entry);
			timer ??= timers.setInterval(open, periodMs);
			if (!closing) stopReading(entry);
			return () => {
				if (!gated.delete(entry)) return;
				startReading(entry);
				if (gated.size === 0 && timer !== undefined) {
					timers.clearInterval(timer);
					timer = undefined;
				}
			};
		},
		open,
		pace(next) {
			if (next === periodMs) return;
			periodMs = next;
			if (timer === undefined) return;
			timers.clearInterval(timer);
			timer = timers.setInterval(open, periodMs);
		},
		stop() {
			for (const entry of gated) startReading(entry);
			gated.clear();
			if (timer !== undefined) timers.clearInterval(timer);
			timer = undefined;
		},
	};
}

export type TurnBudget = {
	/** Handling time a turn of the event loop may spend on the stream before it waits for the next turn. */
	readonly turnMs: number;
	/**
	 * At most this many bytes read per window: once they are in, the socket waits for the window's end.
	 * For a stream that may bring more than anyone can read (a followed log flood), so that reading it
	 * costs a bounded share of the CPU and leaves the rest to keys, frames and the engine.
	 */
	readonly window?: {
		readonly ms: number;
		readonly bytes: number;
		/** Told each time a window's bytes are spent: the stream brings more than it is read. */
		readonly onFull?: () => void;
	};
};

export type TurnTimers = Pick<GateTimers, 'setImmediate'> & {readonly setTimeout: (run: () => void, ms: number) => void};

const realTurnTimers: TurnTimers = {
	setImmediate: realTimers.setImmediate,
	setTimeout(run, ms) {
		setTimeout(run, ms).unref();
	},
};

/**
 * Reads one stream in turns: call the returned function with each chunk's size before handling it. Once
 * a turn's handling passes `turnMs`, the socket is not read again until the event loop has gone round
 * (keys read, timers and frames run); once a window's bytes are in, not until the window ends. A stream
 * with no socket of its own is left alone.
 */
export function readInTurns(stream: object, budget: TurnBudget, timers: TurnTimers = realTurnTimers): (bytes: number) => void {
	const socket = socketOf(stream);
	const handle = handleOf(socket);
	if (!handle) return () => undefined;
	const entry: Gated = {socket, handle, stopped: false};
	let turnStarted: number | undefined;
	let windowStarted: number | undefined;
	let windowBytes = 0;
	/** The window's bytes are spent: reading waits for its end, whatever the turns do. */
	let resting = false;
	return (bytes) => {
		const now = performance.now();
		if (turnStarted === undefined) {
			turnStarted = now;
			// The turn ends when the event loop reaches its immediates: the next read starts a new one.
			timers.setImmediate(() => {
				turnStarted = undefined;
				if (!resting) startReading(entry);
			});
		}

		if (now - turnStarted >= budget.turnMs) stopReading(entry);
		const window = budget.window;
		if (!window) return;
		if (windowStarted === undefined || now - windowStarted >= window.ms) {
			windowStarted = now;
			windowBytes = 0;
		}

		windowBytes += bytes;
		if (windowBytes < window.bytes || resting) return;
		resting = true;
		stopReading(entry);
		window.onFull?.();
		timers.setTimeout(
			() => {
				resting = false;
				windowStarted = undefined;
				startReading(entry);
			},
			Math.max(0, windowStarted + window.ms - now),
		);
	};
}
