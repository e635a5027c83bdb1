package org.saddlecheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NumPy snippet of docs/formats.md, done again in Java on a file written by {@code simulate}:
 * the same reads, the same reshape and the same arithmetic must give the first recorded loss.
 */
class FormatsSnippetTests {

    private static final double U = 0x1p-53;

    @TempDir
    Path folder;

    @Test
    void docsStillShowTheSnippetMirroredHere() throws IOException {
        String docs = Files.readString(Path.of("docs", "formats.md"));
        // The lines whose arithmetic the test below repeats; change both together.
        assertThat(docs).contains(
                "theta = np.array(s[\"init\"][\"theta\"]).reshape(lay[\"width\"], lay[\"unitSize\"])",
                "U, V = theta[:, :lay[\"uSize\"]], theta[:, lay[\"uSize\"]:]",
                "residual = Y - (X @ U.T) @ V",
                "loss = 0.5 * np.mean(np.sum(residual ** 2, axis=1))",
                "print(loss, t[\"losses\"][0])");
    }

    @Test
    void snippetArithmeticRecomputesTheFirstRecordedLoss() throws IOException {
        Path out = folder.resolve("T.json");
        SimulateCommandTests.Result r = SimulateCommandTests.run("simulate", "--scenario",
                Path.of("examples", "scenarios", "linear-three-modes.json").toString(),
                "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();

        // t = json.load(open("T.json")); s, lay = t["scenario"], t["layout"]
        JsonNode t = new ObjectMapper().readTree(out.toFile());
        JsonNode s = t.get("scenario");
        JsonNode lay = t.get("layout");
        double[][] X = matrix(s.get("data").get("X"));
        double[][] Y = matrix(s.get("data").get("Y"));
        int width = lay.get("width").asInt();
        int unitSize = lay.get("unitSize").asInt();
        int uSize = lay.get("uSize").asInt();
        JsonNode theta = s.get("init").get("theta");
        int p = X.length;

        // theta.reshape(H, s); U = theta[:, :|u|]; V = theta[:, |u|:]
        double[][] Uu = new double[width][uSize];
        double[][] V = new double[width][unitSize - uSize];
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < unitSize; j++) {
                double value = theta.get(i * unitSize + j).asDouble();
                if (j < uSize) {
                    Uu[i][j] = value;
                } else {
                    V[i][j - uSize] = value;
                }
            }
        }

        // residual = Y - (X @ U.T) @ V; loss = 0.5 * mean over rows of the row sums of squares.
        // Alongside, the sizes m_μa = |y_μa| + Σ_i |u_iᵀx_μ||v_ia| bound every intermediate.
        double sumOfSquares = 0;
        double magnitude = 0;
        for (int mu = 0; mu < p; mu++) {
            double[] hidden = new double[width];
            for (int i = 0; i < width; i++) {
                for (int b = 0; b < uSize; b++) {
                    hidden[i] += X[mu][b] * Uu[i][b];
                }
            }
            for (int a = 0; a < Y[mu].length; a++) {
                double prediction = 0;
                double size = Math.abs(Y[mu][a]);
                for (int i = 0; i < width; i++) {
                    prediction += hidden[i] * V[i][a];
                    size += Math.abs(hidden[i] * V[i][a]);
                }
                double residual = Y[mu][a] - prediction;
                sumOfSquares += residual * residual;
                magnitude += size * size;
            }
        }
        double loss = 0.5 * sumOfSquares / p;
        double recorded = t.get("losses").get(0).asDouble();

        // Both numbers are L(θ(0)) in exact arithmetic: this one by the sample sum, the recorded one
        // by the second-moment form ½⟨W − M, G⟩ + ½(tr Σ_yy − ⟨M, Σ_yx⟩). Every quantity in either
        // is a chain of at most n = P·D_out + P + D_in·D_out + D_in + H + 10 roundings on terms
        // bounded by A = (1/(2P)) Σ m_μa² (γ_n·A each, Higham Lemma 3.1), and there are at most
        // four such chains (the sample sum, Σ_yy, ⟨M, Σ_yx⟩, ⟨W − M, G⟩) each entering twice at most.
        int dIn = uSize;
        int dOut = Y[0].length;
        int n = p * dOut + p + dIn * dOut + dIn + width + 10;
        double gamma = n * U / (1 - n * U);
        double tolerance = 8 * gamma * 0.5 * magnitude / p;
        assertThat(Math.abs(loss - recorded)).isLessThanOrEqualTo(tolerance);
        assertThat(t.get("times").get(0).asDouble()).isZero();
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            m[r] = new double[rows.get(r).size()];
            for (int c = 0; c < m[r].length; c++) {
                m[r][c] = rows.get(r).get(c).asDouble();
            }
        }
        return m;
    }
}
