// Colour themes, applied where frames are written (terminal-output.ts): a theme maps each of the
// 16 ANSI colours every component uses to another, or drops colour altogether, so the whole screen
// (every pane, present and future) follows it without components knowing. Only the 16 ANSI colours
// are ever produced, which every terminal shows, 16-colour ones included.

export const colorNames = [
	'black',
	'red',
	'green',
	'yellow',
	'blue',
	'magenta',
	'cyan',
	'white',
	'gray',
	'redBright',
	'greenBright',
	'yellowBright',
	'blueBright',
	'magentaBright',
	'cyanBright',
	'whiteBright',
] as const;
export type ColorName = (typeof colorNames)[number];
export const isColorName = (value: unknown): value is ColorName =>
	typeof value === 'string' && (colorNames as readonly string[]).includes(value);

/** Foreground SGR codes; backgrounds are these plus 10. chalk writes gray as 90 (bright black). */
export const colorCodes: Readonly<Record<ColorName, number>> = {
	black: 30,
	red: 31,
	green: 32,
	yellow: 33,
	blue: 34,
	magenta: 35,
	cyan: 36,
	white: 37,
	gray: 90,
	redBright: 91,
	greenBright: 92,
	yellowBright: 93,
	blueBright: 94,
	magentaBright: 95,
	cyanBright: 96,
	whiteBright: 97,
};

/** Colour → replacement; null drops the colour (the terminal's default shows instead). */
export type ColorMap = Readonly<Partial<Record<ColorName, ColorName | null>>>;

const themes = {
	default: {},
	// Bright variants, and white for gray, for washed-out or low-contrast terminals.
	'high-contrast': {
		red: 'redBright',
		green: 'greenBright',
		yellow: 'yellowBright',
		blue: 'blueBright',
		magenta: 'magentaBright',
		cyan: 'cyanBright',
		gray: 'white',
	},
	// No colour, but bold, dim and inverse stay, so the selection still shows.
	mono: Object.fromEntries(colorNames.map((name) => [name, null])),
} satisfies Record<string, ColorMap>;

export type ThemeName = keyof typeof themes;
export const themeNames = Object.keys(themes) as ThemeName[];
export const isThemeName = (value: unknown): value is ThemeName => typeof value === 'string' && Object.hasOwn(themes, value);

/** A theme's name, or colour replacements over a base theme: {"base": "default", "cyan": "magenta"}. */
export type ThemeSpec = ThemeName | ({readonly base?: ThemeName} & ColorMap);

export function colorMapFor(spec: ThemeSpec): ColorMap {
	if (typeof spec === 'string') return themes[spec];
	const {base = 'default', ...colors} = spec;
	return {...themes[base], ...colors};
}

export const noColor: ColorMap = themes.mono;
