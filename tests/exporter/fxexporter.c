/* A configurable buffer exporter for the tests (never part of fastext itself).
 *
 * Exporter(nbytes, *, format=None, itemsize=1, shape=None, strides=None, offset=0,
 *          readonly=False, suboffsets=False, ndim=None, length=None)
 *
 * exports `nbytes` bytes of its own memory with exactly the Py_buffer fields it is given,
 * whatever the consumer asked for: NULL format / shape / strides when those are None (as
 * ctypes leaves strides NULL), odd or negative strides, suboffsets (PIL-style), 0-d
 * buffers.  `exports` counts the views not yet released; `data` is a bytes copy of the
 * memory and `write(offset, data)` fills it, so tests can check what a call read and wrote.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#define MAXDIM 8

typedef struct {
    PyObject_HEAD
    char *mem;
    Py_ssize_t nbytes, offset, itemsize, length;
    int ndim, readonly, has_shape, has_strides, has_suboffsets, exports;
    char *format;                     /* NULL: the consumer reads unsigned bytes */
    Py_ssize_t shape[MAXDIM], strides[MAXDIM], suboffsets[MAXDIM];
} Exporter;

static int read_dims(PyObject *seq, Py_ssize_t *out, int *n, const char *what) {
    PyObject *fast = PySequence_Fast(seq, what);
    if (!fast) return -1;
    Py_ssize_t len = PySequence_Fast_GET_SIZE(fast);
    if (len > MAXDIM) { Py_DECREF(fast); PyErr_SetString(PyExc_ValueError, "too many dimensions"); return -1; }
    for (Py_ssize_t i = 0; i < len; i++) {
        out[i] = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(fast, i));
        if (out[i] == -1 && PyErr_Occurred()) { Py_DECREF(fast); return -1; }
    }
    *n = (int)len;
    Py_DECREF(fast);
    return 0;
}

static int Exporter_init(Exporter *self, PyObject *args, PyObject *kw) {
    static char *kwlist[] = {"nbytes", "format", "itemsize", "shape", "strides", "offset", "readonly",
                             "suboffsets", "ndim", "length", NULL};
    Py_ssize_t nbytes, itemsize = 1, offset = 0, length = -1;
    PyObject *format = Py_None, *shape = Py_None, *strides = Py_None, *ndim_obj = Py_None;
    int readonly = 0, suboffsets = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "n|OnOOnppOn", kwlist, &nbytes, &format, &itemsize, &shape,
                                     &strides, &offset, &readonly, &suboffsets, &ndim_obj, &length))
        return -1;
    if (nbytes < 0 || offset < 0) { PyErr_SetString(PyExc_ValueError, "negative size"); return -1; }
    self->mem = PyMem_Calloc(nbytes ? nbytes : 1, 1);
    if (!self->mem) { PyErr_NoMemory(); return -1; }
    self->nbytes = nbytes;
    self->offset = offset;
    self->itemsize = itemsize;
    self->readonly = readonly;
    self->has_suboffsets = suboffsets;
    if (format != Py_None) {
        const char *f = PyUnicode_AsUTF8(format);
        if (!f) return -1;
        self->format = PyMem_Malloc(strlen(f) + 1);
        strcpy(self->format, f);
    }
    int nd = 1;
    self->has_shape = shape != Py_None;
    if (self->has_shape && read_dims(shape, self->shape, &nd, "shape must be a sequence") < 0) return -1;
    self->has_strides = strides != Py_None;
    if (self->has_strides) {
        int ns;
        if (read_dims(strides, self->strides, &ns, "strides must be a sequence") < 0) return -1;
        if (self->has_shape && ns != nd) { PyErr_SetString(PyExc_ValueError, "strides/shape"); return -1; }
        nd = ns;
    }
    if (ndim_obj != Py_None) nd = (int)PyLong_AsLong(ndim_obj);
    self->ndim = nd;
    for (int i = 0; i < MAXDIM; i++) self->suboffsets[i] = -1;    /* no indirection: a no-op */
    self->length = length >= 0 ? length : nbytes - offset;
    return 0;
}

static void Exporter_dealloc(Exporter *self) {
    PyMem_Free(self->mem);
    PyMem_Free(self->format);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int Exporter_getbuffer(Exporter *self, Py_buffer *view, int flags) {
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && self->readonly) {
        PyErr_SetString(PyExc_BufferError, "Exporter: read-only");
        view->obj = NULL;
        return -1;
    }
    view->buf = self->mem + self->offset;
    view->obj = (PyObject *)self;
    Py_INCREF(self);
    view->len = self->length;
    view->itemsize = self->itemsize;
    view->readonly = self->readonly;
    view->ndim = self->ndim;
    view->format = self->format;
    view->shape = self->has_shape ? self->shape : NULL;
    view->strides = self->has_strides ? self->strides : NULL;
    view->suboffsets = self->has_suboffsets ? self->suboffsets : NULL;
    view->internal = NULL;
    self->exports++;
    return 0;
}

static void Exporter_releasebuffer(Exporter *self, Py_buffer *view) {
    self->exports--;
}

static PyObject *Exporter_write(Exporter *self, PyObject *args) {
    Py_ssize_t at;
    Py_buffer data;
    if (!PyArg_ParseTuple(args, "ny*", &at, &data)) return NULL;
    if (at < 0 || at + data.len > self->nbytes) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_IndexError, "write outside the memory");
        return NULL;
    }
    memcpy(self->mem + at, data.buf, data.len);
    PyBuffer_Release(&data);
    Py_RETURN_NONE;
}

static PyObject *Exporter_data(Exporter *self, void *closure) {
    return PyBytes_FromStringAndSize(self->mem, self->nbytes);
}

static PyObject *Exporter_exports(Exporter *self, void *closure) {
    return PyLong_FromLong(self->exports);
}

static PyMethodDef Exporter_methods[] = {
    {"write", (PyCFunction)Exporter_write, METH_VARARGS, "write(offset, bytes): fill the memory"},
    {NULL}
};

static PyGetSetDef Exporter_getset[] = {
    {"data", (getter)Exporter_data, NULL, "a copy of the whole memory", NULL},
    {"exports", (getter)Exporter_exports, NULL, "views not yet released", NULL},
    {NULL}
};

static PyBufferProcs Exporter_as_buffer = {
    (getbufferproc)Exporter_getbuffer, (releasebufferproc)Exporter_releasebuffer,
};

static PyTypeObject ExporterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "fxexporter.Exporter",
    .tp_basicsize = sizeof(Exporter),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Exporter_init,
    .tp_dealloc = (destructor)Exporter_dealloc,
    .tp_as_buffer = &Exporter_as_buffer,
    .tp_methods = Exporter_methods,
    .tp_getset = Exporter_getset,
};

static struct PyModuleDef moduledef = {PyModuleDef_HEAD_INIT, "fxexporter", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_fxexporter(void) {
    if (PyType_Ready(&ExporterType) < 0) return NULL;
    PyObject *m = PyModule_Create(&moduledef);
    if (!m) return NULL;
    Py_INCREF(&ExporterType);
    PyModule_AddObject(m, "Exporter", (PyObject *)&ExporterType);
    return m;
}
