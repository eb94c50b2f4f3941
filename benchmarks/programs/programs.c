/* C versions of the issue-12 programs, written from the programs' public descriptions with the
 * same operation order as the Python sources in this folder (no fast-math), called through
 * ctypes by run.py.  Random numbers: xorshift64* (the programs' results that depend on them
 * are compared statistically, not exactly).  Where the Python program returns a list, the C
 * version returns it too, built as a C extension would (PyList_New + PyFloat_FromDouble +
 * PyList_SET_ITEM): the Python objects are part of the program's result. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double eval_A(long i, long j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }

static void times_u(const double *u, double *v, long n, int transpose) {
    for (long i = 0; i < n; i++) {
        double s = 0.0;
        for (long j = 0; j < n; j++) s += (transpose ? eval_A(j, i) : eval_A(i, j)) * u[j];
        v[i] = s;
    }
}

double spectralnorm(long n) {
    double *u = malloc(n * sizeof(double)), *v = malloc(n * sizeof(double)), *t = malloc(n * sizeof(double));
    for (long i = 0; i < n; i++) u[i] = 1.0;
    for (int k = 0; k < 10; k++) {
        times_u(u, t, n, 0); times_u(t, v, n, 1);
        times_u(v, t, n, 0); times_u(t, u, n, 1);
    }
    double vBv = 0.0, vv = 0.0;
    for (long i = 0; i < n; i++) { vBv += u[i] * v[i]; vv += v[i] * v[i]; }
    free(u); free(v); free(t);
    return sqrt(vBv / vv);
}

long mandelbrot(long size, unsigned char *out) {
    long at = 0;
    double fsize = (double)size;
    for (long y = 0; y < size; y++) {
        double ci = 2.0 * y / fsize - 1.0;
        int bits = 0, xb = 0;
        for (long x = 0; x < size; x++) {
            double cr = 2.0 * x / fsize - 1.5, zr = 0.0, zi = 0.0;
            int escaped = 0;
            for (int i = 0; i < 50; i++) {
                double tr = zr * zr - zi * zi + cr, ti = 2.0 * zr * zi + ci;
                zr = tr; zi = ti;
                if (zr * zr + zi * zi > 4.0) { escaped = 1; break; }
            }
            bits = (bits << 1) | (escaped ? 0 : 1);
            if (++xb == 8) { out[at++] = (unsigned char)bits; bits = 0; xb = 0; }
        }
        if (xb > 0) out[at++] = (unsigned char)(bits << (8 - xb));
    }
    return at;
}

long fannkuch(long n, long *checksum_out) {
    long perm1[32], perm[32], count[32];
    long maxflips = 0, checksum = 0, sign = 1;
    for (long i = 0; i < n; i++) perm1[i] = count[i] = i;
    for (;;) {
        long k = perm1[0];
        if (k) {
            memcpy(perm, perm1, n * sizeof(long));
            long flips = 1, kk = perm[k];
            while (kk) {
                for (long lo = 0, hi = k; lo < hi; lo++, hi--) { long t = perm[lo]; perm[lo] = perm[hi]; perm[hi] = t; }
                flips++; k = kk; kk = perm[kk];
            }
            if (maxflips < flips) maxflips = flips;
            checksum += sign > 0 ? flips : -flips;
        }
        if (sign > 0) { long t = perm1[0]; perm1[0] = perm1[1]; perm1[1] = t; sign = -1; }
        else {
            long t = perm1[1]; perm1[1] = perm1[2]; perm1[2] = t; sign = 1;
            long r;
            for (r = 2; r < n - 1; r++) {
                if (count[r]) break;
                count[r] = r;
                long p0 = perm1[0];
                memmove(perm1, perm1 + 1, (r + 1) * sizeof(long));
                perm1[r + 1] = p0;
            }
            if (r == n - 1 && !count[r]) { *checksum_out = checksum; return maxflips; }
            count[r]--;
        }
    }
}

long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static uint64_t rng_state = 88172645463325252ULL;
static uint64_t next_u64(void) {
    rng_state ^= rng_state >> 12; rng_state ^= rng_state << 25; rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

long parse_int(long t) {
    long n = 0;
    char s[32];
    for (long i = 1; i < t; i++) {
        n = (long)(next_u64() >> 32);
        snprintf(s, sizeof s, "0x%lx", n);
        long m = strtol(s, NULL, 16);
        if (m != n) abort();
    }
    return n;
}

static void qsort_kernel(double *a, long lo, long hi) {
    long i = lo, j = hi;
    while (i < hi) {
        double pivot = a[(lo + hi) / 2];
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) { double t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (lo < j) qsort_kernel(a, lo, j);
        lo = i; j = hi;
    }
}

double sortperf(long n) {
    double *a = malloc(n * sizeof(double));
    for (long i = 0; i < n; i++) a[i] = (next_u64() >> 11) * 0x1.0p-53;
    qsort_kernel(a, 0, n - 1);
    double first = a[0];
    free(a);
    return first;
}

/* sortperf returning the sorted list, as julia.fx's sortperf does (called with the GIL held) */
PyObject *sortperf_list(long n) {
    double *a = malloc(n * sizeof(double));
    for (long i = 0; i < n; i++) a[i] = (next_u64() >> 11) * 0x1.0p-53;
    qsort_kernel(a, 0, n - 1);
    PyObject *out = PyList_New(n);
    for (long i = 0; out && i < n; i++) {
        PyObject *x = PyFloat_FromDouble(a[i]);
        if (!x) { Py_CLEAR(out); break; }
        PyList_SET_ITEM(out, i, x);
    }
    free(a);
    return out;
}

static long mandel(double re, double im) {
    double zr = re, zi = im;
    for (long n = 0; n < 80; n++) {
        if (hypot(zr, zi) > 2) return n;
        double t = zr * zr - zi * zi + re;
        zi = 2 * zr * zi + im; zr = t;
    }
    return 80;
}

long mandelperf(long *out) {
    long k = 0;
    for (int i = 0; i < 26; i++)
        for (int j = 0; j < 21; j++) out[k++] = mandel(-2.0 + 0.1 * i, -1.0 + 0.1 * j);
    return k;
}

double pisum(void) {
    double sum = 0.0;
    for (int j = 1; j <= 500; j++) {
        sum = 0.0;
        for (long k = 1; k <= 10000; k++) sum += 1.0 / (k * k);
    }
    return sum;
}

/* n-body: the five bodies of the Benchmarks Game, in the Python source's order of pairs and
 * operations (dict order sun, jupiter, saturn, uranus, neptune). */
#define PI 3.14159265358979323
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

static void nbody_energy(double r[5][3], double v[5][3], const double *m, double *e_out) {
    double e = 0.0;
    for (int i = 0; i < 5; i++)
        for (int j = i + 1; j < 5; j++) {
            double dx = r[i][0] - r[j][0], dy = r[i][1] - r[j][1], dz = r[i][2] - r[j][2];
            e -= (m[i] * m[j]) / pow(dx * dx + dy * dy + dz * dz, 0.5);
        }
    for (int i = 0; i < 5; i++) e += m[i] * (v[i][0] * v[i][0] + v[i][1] * v[i][1] + v[i][2] * v[i][2]) / 2.;
    *e_out = e;
}

double nbody(long n) {
    double r[5][3] = {{0, 0, 0},
        {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01},
        {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01},
        {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01},
        {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01}};
    double v[5][3] = {{0, 0, 0},
        {1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR, -6.90460016972063023e-05 * DAYS_PER_YEAR},
        {-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR, 2.30417297573763929e-05 * DAYS_PER_YEAR},
        {2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR, -2.96589568540237556e-05 * DAYS_PER_YEAR},
        {2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR, -9.51592254519715870e-05 * DAYS_PER_YEAR}};
    double m[5] = {SOLAR_MASS, 9.54791938424326609e-04 * SOLAR_MASS, 2.85885980666130812e-04 * SOLAR_MASS,
                   4.36624404335156298e-05 * SOLAR_MASS, 5.15138902046611451e-05 * SOLAR_MASS};
    double px = 0, py = 0, pz = 0, e;
    for (int i = 0; i < 5; i++) { px -= v[i][0] * m[i]; py -= v[i][1] * m[i]; pz -= v[i][2] * m[i]; }
    v[0][0] = px / m[0]; v[0][1] = py / m[0]; v[0][2] = pz / m[0];
    nbody_energy(r, v, m, &e);
    const double dt = 0.01;
    for (long k = 0; k < n; k++) {
        for (int i = 0; i < 5; i++)
            for (int j = i + 1; j < 5; j++) {
                double dx = r[i][0] - r[j][0], dy = r[i][1] - r[j][1], dz = r[i][2] - r[j][2];
                double mag = dt * pow(dx * dx + dy * dy + dz * dz, -1.5);
                double b1m = m[i] * mag, b2m = m[j] * mag;
                v[i][0] -= dx * b2m; v[i][1] -= dy * b2m; v[i][2] -= dz * b2m;
                v[j][0] += dx * b1m; v[j][1] += dy * b1m; v[j][2] += dz * b1m;
            }
        for (int i = 0; i < 5; i++) { r[i][0] += dt * v[i][0]; r[i][1] += dt * v[i][1]; r[i][2] += dt * v[i][2]; }
    }
    nbody_energy(r, v, m, &e);
    return e;
}

/* others.fx's sieve: the flags as bytes, each prime's multiples cleared, the primes returned as
 * a Python list of ints (called with the GIL held) */
PyObject *sieve(long n) {
    unsigned char *flags = malloc(n + 1);
    memset(flags, 1, n + 1);
    flags[0] = flags[1] = 0;
    for (long i = 2; i * i <= n; i++)
        if (flags[i])
            for (long j = i * i; j <= n; j += i) flags[j] = 0;
    long count = 0;
    for (long i = 0; i <= n; i++) count += flags[i];
    PyObject *out = PyList_New(count);
    for (long i = 0, k = 0; out && i <= n; i++) {
        if (!flags[i]) continue;
        PyObject *x = PyLong_FromLong(i);
        if (!x) { Py_CLEAR(out); break; }
        PyList_SET_ITEM(out, k++, x);
    }
    free(flags);
    return out;
}

/* generators.fx's euler7: trial division by the primes found so far (no printing) */
long euler7(long k) {
    long *found = malloc(k * sizeof(long)), nf = 0;
    for (long n = 2;; n++) {
        int is_prime = 1;
        for (long j = 0; j < nf; j++) {
            long p = found[j];
            if (p * p > n) break;
            if (n % p == 0) { is_prime = 0; break; }
        }
        if (is_prime) {
            found[nf++] = n;
            if (nf == k) { free(found); return n; }
        }
    }
}
