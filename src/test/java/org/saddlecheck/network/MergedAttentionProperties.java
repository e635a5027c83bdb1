package org.saddlecheck.network;

/**
 * The contract for linear attention with merged key-query (context length 4, a power of two, keeps
 * the trait checks exact).
 */
class MergedAttentionProperties extends NetworkContract {
    @Override
    Catalogue.Entry entry() {
        return new Catalogue.Entry("attention-merged", new LinearAttention(2, 4, 3, true));
    }
}
