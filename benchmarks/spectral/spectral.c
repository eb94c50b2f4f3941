/* benchmarks/spectral/spellings.fx in C, the same operation order (no fast-math). */
#include <math.h>
#include <stdlib.h>

static double a(long i, long j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void av(const double *u, double *out, long n) {
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++) s += a(i, j) * u[j];
        out[i] = s;
    }
}

static void atv(const double *u, double *out, long n) {
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++) s += a(j, i) * u[j];
        out[i] = s;
    }
}

double spectral(long n) {
    double *u = malloc(n * sizeof *u), *v = malloc(n * sizeof *v), *t = malloc(n * sizeof *t);
    for (long i = 0; i < n; i++) u[i] = v[i] = t[i] = 1.0;
    for (int k = 0; k < 10; k++) { av(u, t, n); atv(t, v, n); av(v, t, n); atv(t, u, n); }
    double vbv = 0.0, vv = 0.0;
    for (long i = 0; i < n; i++) { vbv += u[i] * v[i]; vv += v[i] * v[i]; }
    free(u); free(v); free(t);
    return sqrt(vbv / vv);
}
