// The CSP nonce reaches <Scripts> through context; browsers hide it again after parsing, so the client sees ''.
import { createContext, useContext } from 'react';

export const NonceContext = createContext<string>('');
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
