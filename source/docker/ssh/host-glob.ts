// The host patterns of ssh_config(5) and known_hosts(5): `*` any run of characters, `?` one, no case.

export function matchesHostGlob(glob: string, name: string): boolean {
	const pattern = glob
		.replaceAll(/[.+^${}()|[\]\\]/g, '\\$&')
		.replaceAll('*', '.*')
		.replaceAll('?', '.');
	return new RegExp(`^${pattern}$`, 'i').test(name);
}
