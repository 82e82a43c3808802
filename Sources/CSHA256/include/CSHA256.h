#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions (x86-64 SHA-NI with SSE4.1), else 0.
int vpcg_sha256_hardware(void);

/// Hashes `blocks` 64-byte blocks of `data` into `state` (8 words, FIPS 180-4 order) with the
/// SHA extensions. Call only when `vpcg_sha256_hardware()` returned 1.
void vpcg_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The same in portable C, for any CPU.
void vpcg_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
