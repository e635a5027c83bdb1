package org.saddlecheck.network;

/**
 * The contract for linear attention with separate key and query (context length 4, a power of two,
 * keeps the trait checks exact).
 */
class AttentionProperties extends NetworkContract {
    @Override
    Catalogue.Entry entry() {
        return new Catalogue.Entry("attention", new LinearAttention(2, 4, 3, false));
    }
}
