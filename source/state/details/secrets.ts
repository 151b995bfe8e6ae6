// What counts as a secret in a container's configuration, and how it is masked: values of secret-looking
// keys (env variables, labels, key=value pairs), and credentials inside URLs and connection strings
// whatever the variable is called. The same rules serve the Env tab, Inspect's sections and its raw JSON.

/** Same width for every secret, so the length of a password is not shown either. */
export const maskedValue = '••••••••';

const secretWords = [
	'PASSWORD',
	'PASSWD',
	'PASS',
	'PWD',
	'SECRET',
	'TOKEN',
	'KEY',
	'CREDENTIAL',
	'CREDENTIALS',
	'AUTH',
	'PRIVATE',
	'CERT',
	'SALT',
	'SIGNATURE',
	'DSN',
	'COOKIE',
	'SESSION',
	'PGPASS',
	'PASSPHRASE',
	'JWT',
	// Stripe's STRIPE_SK and every other *_SK: a secret key.
	'SK',
];

/** Keys that are variables of the environment, not secrets, though they contain a secret-looking word. */
const harmless = new Set(['PWD', 'OLDPWD', 'KEYTIMEOUT', 'GPG_KEY_ID', 'PASS_MAX_DAYS']);

/**
 * Whether an environment key looks like it holds a secret: one of its words (split on _ - . and
 * camelCase) is PASSWORD, SECRET, TOKEN, KEY, CREDENTIAL…; "API_KEY", "dbPassword" and "AWS_SECRET_ACCESS_KEY"
 * do, "KEYBOARD", "MONKEY" and "PATH" do not.
 */
export function looksSecret(key: string): boolean {
	const upper = key.toUpperCase();
	if (harmless.has(upper)) return false;
	const words = key
		.replaceAll(/([a-z\d])([A-Z])/g, '$1_$2')
		.toUpperCase()
		.split(/[^A-Z\d]+/)
		.filter(Boolean);
	// "APIKEY", "DBPASSWORD": a word that ends with a long secret word counts too.
	return words.some(
		(word) =>
			secretWords.includes(word) ||
			['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'TOKEN', 'APIKEY', 'CREDENTIAL'].some((long) => word.endsWith(long)),
	);
}

/** scheme://user:password@host: the password (never containing / or @, which a URL must escape). */
const urlCredentials = /([a-z][\w+.-]*:\/\/[^\s:/@]*:)([^\s/@]+)@/gi;

/**
 * key=value pairs inside a value, as in connection strings (Server=x;Password=p), command lines
 * (--password=p) and shell snippets (export TOKEN=t): a pair starts the text or follows ; , or a space.
 */
const pairs = /(^|[;,\s])(-{0,2}[A-Za-z_][\w.-]*)(\s*=\s*)([^;,\s]+)/g;

/** A value with the credentials inside it masked: URL passwords, and values of secret-looking keys. */
export function maskCredentials(value: string): string {
	if (!value.includes('=') && !value.includes('@')) return value;
	// In a connection string (pairs joined by ;) Pwd is the password, not the shell's working directory.
	const connection = value.includes(';');
	const secret = (key: string) => looksSecret(key) || (connection && key.toUpperCase() === 'PWD');
	return value
		.replaceAll(urlCredentials, `$1${maskedValue}@`)
		.replaceAll(pairs, (whole, before: string, key: string, equals: string) =>
			secret(key.replace(/^-+/, '')) ? `${before}${key}${equals}${maskedValue}` : whole,
		);
}

/** An environment variable's value as shown until revealed. */
export function maskEnvValue(key: string, value: string): string {
	if (value === '') return value;
	return looksSecret(key) ? maskedValue : maskCredentials(value);
}

/** An inspect section's value as shown until revealed: a label by its key, any value by its content. */
export function maskSectionValue(section: string, key: string, value: string): string {
	if (section === 'Labels') return maskEnvValue(key, value);
	return maskCredentials(value);
}

/**
 * An inspect answer (JSON) with its secrets masked: Config.Env entries and labels by the env rule, every
 * other string by its content.
 */
export function maskInspect(value: unknown, parentKey = ''): unknown {
	if (typeof value === 'string') return maskCredentials(value);
	if (Array.isArray(value)) {
		return value.map((item: unknown) => {
			if (parentKey !== 'Env' || typeof item !== 'string') return maskInspect(item);
			const at = item.indexOf('=');
			return at < 0 ? item : `${item.slice(0, at + 1)}${maskEnvValue(item.slice(0, at), item.slice(at + 1))}`;
		});
	}

	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, item]) => [
				key,
				parentKey === 'Labels' && typeof item === 'string' ? maskEnvValue(key, item) : maskInspect(item, key),
			]),
		);
	}

	return value;
}
