#include "AdapterFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <thread>
#include <cstdio>
#include <cstring>
#include <memory>

#include "TrainerError.h"
#include "ggml.h"
#include "gguf.h"

namespace locus {

namespace {

std::atomic<unsigned> tempCounter{0};

std::string directoryOf(const std::string & path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

std::string baseNameOf(const std::string & path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

[[noreturn]] void ioFailure(const std::string & what, const std::string & path) {
    throw TrainerError(kErrIo, what + " " + path + ": " + std::strerror(errno));
}

void fsyncDirectory(const std::string & dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;  // best effort: some filesystems refuse to open directories
    ::fsync(fd);
    ::close(fd);
}

/** Moves `temp` to `path` without ever replacing an existing file. */
void publish(const std::string & temp, const std::string & path) {
    if (::link(temp.c_str(), path.c_str()) == 0) {
        ::unlink(temp.c_str());
        return;
    }
    if (errno == EEXIST) {
        ::unlink(temp.c_str());
        throw TrainerError(kErrIo, "refusing to overwrite the existing adapter " + path);
    }
    // Filesystems without hard links (FAT, some network shares): a rename after an existence check.
    if (::access(path.c_str(), F_OK) == 0) {
        ::unlink(temp.c_str());
        throw TrainerError(kErrIo, "refusing to overwrite the existing adapter " + path);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temp.c_str());
        errno = saved;
        ioFailure("cannot move the adapter into place at", path);
    }
}

/**
 * Test hook: $LOCUS_TRAINER_TEST_WRITE_DELAY_MS holds a written adapter back before it is published, so a
 * test can kill the process mid-write deterministically. Unset in normal use.
 */
void pauseForTests() {
    const char * delay = std::getenv("LOCUS_TRAINER_TEST_WRITE_DELAY_MS");
    if (delay != nullptr && *delay != '\0') std::this_thread::sleep_for(std::chrono::milliseconds(std::atol(delay)));
}

}  // namespace

void writeAdapterFile(const std::string & path, const AdapterFileSpec & spec, const std::vector<AdapterTensorView> & tensors) {
    size_t dataBytes = 0;
    for (const auto & tensor : tensors) dataBytes += tensor.ne0 * tensor.ne1 * sizeof(float);
    ggml_init_params params = {
        /*mem_size =*/tensors.size() * ggml_tensor_overhead() + dataBytes + 1024,
        /*mem_buffer =*/nullptr,
        /*no_alloc =*/false,
    };
    std::unique_ptr<ggml_context, decltype(&ggml_free)> ctx(ggml_init(params), ggml_free);
    std::unique_ptr<gguf_context, decltype(&gguf_free)> gguf(gguf_init_empty(), gguf_free);
    if (!ctx || !gguf) throw TrainerError(kErrInternal, "out of memory while preparing the adapter file");

    gguf_set_val_str(gguf.get(), "general.architecture", spec.architecture.c_str());
    gguf_set_val_str(gguf.get(), "general.type", "adapter");
    gguf_set_val_str(gguf.get(), "adapter.type", "lora");
    gguf_set_val_f32(gguf.get(), "adapter.lora.alpha", spec.alpha);
    for (const auto & [key, value] : spec.metadata) gguf_set_val_str(gguf.get(), key.c_str(), value.c_str());

    for (const auto & view : tensors) {
        ggml_tensor * tensor = ggml_new_tensor_2d(ctx.get(), GGML_TYPE_F32, view.ne0, view.ne1);
        ggml_set_name(tensor, view.name.c_str());
        std::memcpy(tensor->data, view.data, ggml_nbytes(tensor));
        gguf_add_tensor(gguf.get(), tensor);
    }

    const std::string temp = directoryOf(path) + "/." + baseNameOf(path) + kPartialFileMarker +
        std::to_string(::getpid()) + "-" + std::to_string(tempCounter.fetch_add(1));
    FILE * file = std::fopen(temp.c_str(), "wbx");
    if (file == nullptr) ioFailure("cannot create", temp);
    const bool written = gguf_write_to_file_ptr(gguf.get(), file, /*only_meta =*/false);
    const bool flushed = written && std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
    const int savedErrno = errno;
    std::fclose(file);
    if (!flushed) {
        ::unlink(temp.c_str());
        errno = savedErrno;
        ioFailure("cannot write the adapter to", temp);
    }
    pauseForTests();
    publish(temp, path);
    fsyncDirectory(directoryOf(path));
}

}  // namespace locus
