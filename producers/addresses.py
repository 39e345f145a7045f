"""SSRF guard: feed URLs and redirects may only reach public addresses unless config allows otherwise."""

import ipaddress
import socket
from typing import Any

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

# Cloud metadata services that sit outside the ranges ipaddress calls private (Alibaba uses CGNAT space).
METADATA_NETWORKS = (ipaddress.ip_network("100.64.0.0/10"), ipaddress.ip_network("fd00:ec2::/32"))


class NonPublicAddressError(OSError):
    """Raised by the resolver when a host resolves only to addresses the guard refuses."""


def is_public_address(address: str) -> bool:
    """False for loopback, private, link-local (169.254.169.254 metadata), multicast, reserved, CGNAT."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in network for network in METADATA_NETWORKS if network.version == ip.version):
        return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved)


def literal_address(host: str) -> str | None:
    """The host itself when it is an IP literal (aiohttp skips the resolver for those)."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


class PublicOnlyResolver(AbstractResolver):
    """Wraps aiohttp's resolver and drops non-public answers at connect time, which also stops DNS
    rebinding: the address checked is the address connected to."""

    def __init__(self, inner: AbstractResolver | None = None) -> None:
        self._inner = inner or DefaultResolver()

    async def resolve(self, host: str, port: int = 0, family: Any = socket.AF_INET) -> list[ResolveResult]:
        answers = await self._inner.resolve(host, port, family)
        public = [answer for answer in answers if is_public_address(answer["host"])]
        if not public:
            shown = ", ".join(sorted({answer["host"] for answer in answers}))
            raise NonPublicAddressError(f"{host} resolves to non-public address {shown}")
        return public

    async def close(self) -> None:
        await self._inner.close()
