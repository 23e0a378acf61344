"""Take away a thread's (or a fresh process's) ability to open network sockets, with seccomp.

The SPARQL engine (pyoxigraph) carries its own HTTP client: ``SERVICE`` and ``LOAD`` make it
fetch any URL, and it has no switch to turn that off. So the code that evaluates user SPARQL
runs where the kernel itself refuses to create an Internet socket: ``deny_network()`` installs
a seccomp filter on the calling thread (and every thread or process it starts later) under
which ``socket()`` for any family but ``AF_UNIX`` fails with ``EACCES``, and so does
``io_uring_setup`` (io_uring can open sockets without the ``socket`` system call). Pipes and
Unix sockets keep working, so a worker still talks to its parent.

The filter cannot be removed once installed. Only Linux on x86-64 and AArch64 is supported;
elsewhere ``deny_network()`` raises ``NetworkGuardUnavailable`` and callers refuse to run user
SPARQL rather than run it unguarded. This module imports only the standard library: the query
worker (``api/sparql_worker.py``), started as a script, imports it too.
"""

from __future__ import annotations

import ctypes
import platform
import struct

__all__ = ["deny_network", "NetworkGuardUnavailable"]

# Linux constants (linux/seccomp.h, linux/filter.h, linux/audit.h, asm/unistd.h).
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_RET_ALLOW, _RET_ERRNO, _EACCES = 0x7FFF0000, 0x00050000, 13
_LD_ABS, _JEQ, _JGE, _RET = 0x20, 0x15, 0x35, 0x06  # BPF_LD|W|ABS, BPF_JMP|JEQ|K, BPF_JMP|JGE|K, BPF_RET|K
_AF_UNIX = 1
_X32_SYSCALL_BIT = 0x40000000
# machine -> (AUDIT_ARCH_*, socket syscall number, io_uring_setup syscall number)
_ARCHES = {"x86_64": (0xC000003E, 41, 425), "aarch64": (0xC00000B7, 198, 425)}
# Offsets in struct seccomp_data: nr (u32), arch (u32), ip (u64), args[0] (u64, low half first on
# these little-endian machines).
_NR, _ARCH, _ARG0 = 0, 4, 16


class NetworkGuardUnavailable(RuntimeError):
    """This system cannot take network access away (not Linux, unknown CPU, or seccomp refused)."""


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def _program(arch: int, socket_nr: int, io_uring_nr: int) -> list[tuple[int, int, int, int]]:
    """The BPF program as (code, jump-if-true, jump-if-false, k); a jump skips that many instructions."""
    allow, deny = 8, 9  # indexes of the two return instructions

    def to(target: int, here: int) -> int:
        return target - here - 1

    return [
        (_LD_ABS, 0, 0, _ARCH),
        (_JEQ, 0, to(deny, 1), arch),  # a foreign ABI (32-bit calls on a 64-bit kernel) gets nothing
        (_LD_ABS, 0, 0, _NR),
        (_JGE, to(deny, 3), 0, _X32_SYSCALL_BIT),  # nor does the x32 ABI
        (_JEQ, to(deny, 4), 0, io_uring_nr),
        (_JEQ, 0, to(allow, 5), socket_nr),  # any other system call is allowed
        (_LD_ABS, 0, 0, _ARG0),  # socket(domain, ...): which family?
        (_JEQ, to(allow, 7), to(deny, 7), _AF_UNIX),
        (_RET, 0, 0, _RET_ALLOW),
        (_RET, 0, 0, _RET_ERRNO | _EACCES),
    ]


def deny_network() -> None:
    """From now on, the calling thread and its descendants cannot open Internet sockets.

    Raises:
        NetworkGuardUnavailable: the filter could not be installed; nothing was changed.
    """
    arches = _ARCHES.get(platform.machine())
    if platform.system() != "Linux" or arches is None or struct.calcsize("P") != 8:
        raise NetworkGuardUnavailable(f"no seccomp network guard for {platform.system()} {platform.machine()}")
    instructions = _program(*arches)
    filters = (_SockFilter * len(instructions))(*[_SockFilter(*i) for i in instructions])
    program = _SockFprog(len(instructions), filters)
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, None, 0, 0) != 0:
        raise NetworkGuardUnavailable(f"prctl(PR_SET_NO_NEW_PRIVS) failed: errno {ctypes.get_errno()}")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(program), 0, 0) != 0:
        raise NetworkGuardUnavailable(f"prctl(PR_SET_SECCOMP) failed: errno {ctypes.get_errno()}")
