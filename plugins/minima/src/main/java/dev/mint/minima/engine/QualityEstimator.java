package dev.mint.minima.engine;

import java.util.List;

/**
 * Expected quality of one model on one task, in three layers that each shrink toward the one below:
 * the catalog's prior for the task type; the model's record on every task of that type in this scope
 * (a Beta posterior around the prior); and its record on the most similar tasks (a posterior around the
 * type-level one, each outcome weighted by how similar its task is and how recent it is). So a model
 * that keeps failing on a kind of task drops there even when the type as a whole goes well for it, and
 * thin local evidence cannot swing the estimate far.
 */
final class QualityEstimator {
    /** Pseudo-outcomes the prior is worth against the type-level record. */
    static final double TYPE_STRENGTH = 3.0;
    /** Pseudo-outcomes the type-level estimate is worth against similar tasks. */
    static final double LOCAL_STRENGTH = 3.0;
    /** Similarity below which an outcome says nothing about this task. */
    static final double KERNEL_FLOOR = 0.3;
    static final double HALF_LIFE_DAYS = 30;

    /** The estimate and what it rests on. */
    record Quality(double p, double confidence, double intervalWidth, double localWeight, double typeWeight,
                   double typeRate, int typeCount) {
        /** How much the estimate rests on: similar outcomes fully, outcomes of the same type a little. */
        double evidence() {
            return QualityEstimator.evidence(localWeight, typeWeight);
        }

        boolean fromMemory() {
            return localWeight > 0 || typeWeight > 0;
        }
    }

    Quality estimate(double prior, OutcomeIndex.Totals type, List<OutcomeIndex.Neighbor> neighbors, long nowEpochSecond) {
        double typeP = (type.s() + TYPE_STRENGTH * prior) / (type.w() + TYPE_STRENGTH);
        double w = 0;
        double s = 0;
        for (OutcomeIndex.Neighbor neighbor : neighbors) {
            double weight = kernel(neighbor.similarity()) * neighbor.outcome().weight()
                    * decay(nowEpochSecond - neighbor.outcome().recordedAtEpochSecond());
            w += weight;
            s += weight * neighbor.outcome().label();
        }
        double p = (s + LOCAL_STRENGTH * typeP) / (w + LOCAL_STRENGTH);
        double evidence = evidence(w, type.w());
        double confidence = evidence == 0 ? 0 : 1 - 1 / (1 + evidence);
        double width = Math.min(1, 2 * 1.96 * Math.sqrt(p * (1 - p) / (evidence + TYPE_STRENGTH)));
        return new Quality(p, confidence, width, w, type.w(), type.w() == 0 ? Double.NaN : type.s() / type.w(), type.n());
    }

    /** Evidence counts fully when local, a little when only of the same type. */
    private static double evidence(double localWeight, double typeWeight) {
        return localWeight + 0.25 * Math.min(typeWeight, 40);
    }

    /** 0 below the floor, rising linearly to 1 at identical tasks. */
    static double kernel(double similarity) {
        double x = (similarity - KERNEL_FLOOR) / (1 - KERNEL_FLOOR);
        return x <= 0 ? 0 : x;
    }

    static double decay(long ageSeconds) {
        double days = Math.max(0, ageSeconds) / 86_400.0;
        return Math.max(0.1, Math.pow(0.5, days / HALF_LIFE_DAYS));
    }
}
