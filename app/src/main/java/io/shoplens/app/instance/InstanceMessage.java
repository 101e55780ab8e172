package io.shoplens.app.instance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a second launch sends the running instance: its arguments (absolute paths to open), as a
 * count and then one modified-UTF-8 string each. The reply is one byte: received.
 */
final class InstanceMessage {

    static final int ACK = 1;
    /** More arguments than a file manager passes for one double-click or drop. */
    static final int MAX_ARGUMENTS = 10_000;

    private InstanceMessage() {
    }

    static void write(DataOutputStream out, List<String> arguments) throws IOException {
        out.writeInt(arguments.size());
        for (String argument : arguments) {
            out.writeUTF(argument);
        }
        out.flush();
    }

    static List<String> read(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ARGUMENTS) {
            throw new IOException("Not a ShopLens instance message (" + count + " arguments)");
        }
        List<String> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            arguments.add(in.readUTF());
        }
        return List.copyOf(arguments);
    }
}
