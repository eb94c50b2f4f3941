/* The C side of benchmarks/spellings: each kernel once, written as a C programmer would,
   with the same floating-point operation order as kernels.fx (built -O3 -march=native
   -ffp-contract=off by run.py, so no fused multiply-adds change the results). */
#include <math.h>
#include <stdint.h>

/* does nothing: run.py calls it with each kernel's arguments to subtract what ctypes costs */
int64_t nop(void) { return 0; }

double sum(const double *a, int64_t n) {
    double s = 0.0;
    for (int64_t i = 0; i < n; i++) s += a[i];
    return s;
}

double dot(const double *x, const double *y, int64_t n) {
    double s = 0.0;
    for (int64_t i = 0; i < n; i++) s += x[i] * y[i];
    return s;
}

void axpy(double a, const double *x, double *y, int64_t n) {
    for (int64_t i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}

void pairwise(const double *x, double *out, int64_t n) {
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n; j++) {
            double d = 0.0;
            for (int k = 0; k < 3; k++) {
                double t = x[i * 3 + k] - x[j * 3 + k];
                d += t * t;
            }
            out[i * n + j] = sqrt(d);
        }
}

int64_t mandel(int64_t *out, int64_t h, int64_t w, int64_t max_iter) {
    int64_t total = 0;
    for (int64_t py = 0; py < h; py++)
        for (int64_t px = 0; px < w; px++) {
            double cr = -2.0 + 2.5 * (double)px / (double)w, ci = -1.25 + 2.5 * (double)py / (double)h;
            double zr = 0.0, zi = 0.0;
            int64_t k = 0;
            while (k < max_iter && zr * zr + zi * zi <= 4.0) {
                double nzr = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = nzr;
                k++;
            }
            out[py * w + px] = k;
            total += k;
        }
    return total;
}

void repeat(const double *x, double *y, int64_t m, int64_t n) {
    for (int64_t i = 0; i < m; i++)
        for (int64_t r = 0; r < n; r++) y[i * n + r] = x[i];
}

void stencil(const double *a, double *b, int64_t n) {
    for (int64_t i = 1; i < n - 1; i++) b[i] = (a[i - 1] + a[i] + a[i + 1]) * (1.0 / 3.0);
}

double l2(const double *a, int64_t n) {
    double s = 0.0;
    for (int64_t i = 0; i < n; i++) s += a[i] * a[i];
    return sqrt(s);
}
