import { BlockList, isIP } from 'node:net';

// Which addresses a request to a user-given URL may reach (see outbound.ts).

/** Networks no user-given URL may reach by default (RFC 6890 special-purpose and the like). */
const SPECIAL: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const special = new BlockList();
for (const [net, prefix, type] of SPECIAL) special.addSubnet(net, prefix, type);

/**
 * Who may be reached although private: `allowed` lists host names, addresses and CIDR ranges
 * (OUTBOUND_ALLOWED_PRIVATE, comma-separated).
 */
export class OutboundPolicy {
  private readonly hosts = new Set<string>();
  private readonly networks = new BlockList();

  constructor(allowed: string) {
    for (const entry of allowed.split(',').map((e) => e.trim().toLowerCase())) {
      if (!entry) continue;
      const [address, bits] = entry.split('/');
      const type = address ? isIP(address) : 0;
      if (type && bits !== undefined) {
        this.networks.addSubnet(address ?? '', Number(bits), type === 6 ? 'ipv6' : 'ipv4');
      } else if (type) {
        this.networks.addAddress(address ?? '', type === 6 ? 'ipv6' : 'ipv4');
      } else {
        this.hosts.add(entry);
      }
    }
  }

  /** Whether a host name is allowed whatever it resolves to. */
  allowsHost(host: string): boolean {
    return this.hosts.has(host.toLowerCase());
  }

  /** Whether an address may be connected to. */
  allowsAddress(address: string): boolean {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const ip = mapped ?? address;
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    return !special.check(ip, type) || this.networks.check(ip, type);
  }
}
