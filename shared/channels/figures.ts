// Channels of the figures area, merged into the contract in shared/contract.ts.
import { z } from 'zod';
import { ch } from '../contract-core';

void z; void ch;
export const figuresChannels = {} as const;
